"""How each node type gets its ``@id``: declared once, used by the resolver.

Site-wide entities (the site, its publisher, named people and organizations)
take ids under the site's base URL, so the same person is the same node in
every article; entities that belong to one article (its page, photo,
quotations, unnamed speakers, cited works) take ids under the article's URL.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IdScheme:
    """Mints ``@id``s for one article of one site."""

    site_url: str
    article_url: str

    def _site(self, fragment: str) -> str:
        return f"{self.site_url.split('#')[0]}#{fragment}"

    def _article(self, fragment: str) -> str:
        return f"{self.article_url.split('#')[0]}#{fragment}"

    # site-wide
    def website(self) -> str:
        return self._site("website")

    def organization(self, key: str, *, publisher: bool = False) -> str:
        return self._site("organization") if publisher else self._site(f"/organization/{key}")

    def logo(self, key: str, *, publisher: bool = False) -> str:
        return self._site("logo") if publisher else self._site(f"/organization/{key}/logo")

    def person(self, key: str) -> str:
        return self._site(f"/person/{key}")

    # one article
    def article(self) -> str:
        return self._article("article")

    def webpage(self) -> str:
        return self._article("webpage")

    def image(self, index: int) -> str:
        return self._article("primaryimage" if index == 0 else f"image-{index + 1}")

    def unnamed_person(self, key: str) -> str:
        return self._article(f"person-{key}")

    def quotation(self, index: int) -> str:
        return self._article(f"quote-{index + 1}")

    def citation(self, index: int, key: str | None) -> str:
        return self._article(f"cite-{key}" if key else f"citation-{index + 1}")

    def report(self, organization_key: str) -> str:
        return self._article(f"report-{organization_key}")
