"""The label set: one content class and four kinds of junk."""
from __future__ import annotations

CONTENT = "content"
JUNK_LABELS: tuple[str, ...] = ("seo_spam", "ad", "recruitment", "boilerplate")
LABELS: tuple[str, ...] = (CONTENT, *JUNK_LABELS)
LABEL_INDEX = {name: i for i, name in enumerate(LABELS)}


def check_categories(categories) -> tuple[str, ...]:
    """Validate a user's choice of junk kinds to strip (``None`` = all)."""
    if categories is None:
        return JUNK_LABELS
    if isinstance(categories, str):
        categories = [c.strip() for c in categories.split(",") if c.strip()]
    cats = tuple(categories)
    bad = [c for c in cats if c not in JUNK_LABELS]
    if bad or not cats:
        raise ValueError(
            f"unknown junk categories {bad or cats!r}; choose from {', '.join(JUNK_LABELS)}"
        )
    return cats
