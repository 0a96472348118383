"""What every page that shows curriculum content needs: the page's language, the catalog (a 503
page, with the errors logged, when the content on disk has errors: never half a curriculum),
and one lab by slug or a 404."""

from __future__ import annotations

from flask import abort, current_app
from flask_babel import get_locale

from app.catalog.services import CatalogUnavailable, get_catalog
from app.content import Catalog, Lab


def page_lang() -> str:
    """The page's language code ("it" unless the user chose English)."""
    return str(get_locale() or "it")


def catalog_or_503() -> Catalog:
    try:
        return get_catalog()
    except CatalogUnavailable as exc:
        current_app.logger.error("content has errors: %s", exc.errors[:5])
        abort(503)


def lab_or_404(slug: str) -> tuple[Catalog, Lab]:
    """The catalog and its lab called ``slug``; 404 if there is none."""
    catalog = catalog_or_503()
    lab = catalog.labs.get(slug)
    if lab is None:
        abort(404)
    return catalog, lab
