from __future__ import annotations

import math
from typing import Any

import pytest
from pydantic import ValidationError

from schema_pub.models import (
    Article,
    CreativeWork,
    ImageObject,
    NewsArticle,
    Organization,
    Person,
    Quotation,
    Ref,
)

CREDIT = "Photo by Georges Biard under CC BY-SA 3.0"


def test_image_credit_is_representable_exactly() -> None:
    image = ImageObject(
        content_url="https://upload.example.org/weinstein.jpg",
        caption="Harvey Weinstein at the César Awards ceremony in Paris in February 2014.",
        creator=Person(name="Georges Biard"),
        license="https://creativecommons.org/licenses/by-sa/3.0/",
        credit_text=CREDIT,
    )
    data = image.to_jsonld()
    assert data["creditText"] == CREDIT
    assert data["creator"] == {"@type": "Person", "name": "Georges Biard"}
    assert data["license"] == "https://creativecommons.org/licenses/by-sa/3.0/"
    assert ImageObject.model_validate(data) == image


def test_serialized_under_camel_case_names() -> None:
    article = NewsArticle(
        headline="H",
        date_published="2025-06-12T10:00:00Z",
        is_accessible_for_free=True,
        main_entity_of_page=Ref(id="https://example.com/a/#webpage"),
    )
    assert set(article.to_jsonld()) == {
        "@type",
        "headline",
        "datePublished",
        "isAccessibleForFree",
        "mainEntityOfPage",
    }


@pytest.mark.parametrize(
    ("model", "data", "field"),
    [
        (NewsArticle, {"headline": "H", "headLine": "x"}, "headLine"),
        (NewsArticle, {"headline": "H", "wordCount": math.nan}, "wordCount"),
        (NewsArticle, {"headline": "H", "wordCount": math.inf}, "wordCount"),
        (NewsArticle, {"headline": ""}, "headline"),
        (NewsArticle, {}, "headline"),
        (NewsArticle, {"headline": "H", "datePublished": "2025-06-12T10:00:00"}, "datePublished"),
        (Article, {"headline": "H", "dateline": "PARIS"}, "dateline"),
        (NewsArticle, {"headline": "H", "inLanguage": "English language"}, "inLanguage"),
        (ImageObject, {"contentUrl": "https://x.example/a.jpg", "width": 0}, "width"),
        (ImageObject, {"contentUrl": "https://x.example/a.jpg", "height": -5}, "height"),
        (ImageObject, {"contentUrl": "img/a.jpg"}, "contentUrl"),
        (Organization, {"name": "A", "url": "example.com"}, "url"),
        (Quotation, {"text": "Hi"}, "spokenByCharacter"),
    ],
)
def test_strict_models_name_the_field(model: Any, data: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    locs = {str(err["loc"][0]) for err in info.value.errors()}
    assert field in locs


@pytest.mark.parametrize(
    ("model", "data", "message"),
    [
        (Person, {}, "name or, when unnamed, a description"),
        (ImageObject, {"caption": "c"}, "url or a contentUrl"),
        (CreativeWork, {}, "headline, a name, a url or a publisher"),
        (
            NewsArticle,
            {
                "headline": "H",
                "datePublished": "2025-06-12T10:00:00Z",
                "dateModified": "2025-06-11T10:00:00Z",
            },
            "dateModified is earlier",
        ),
    ],
)
def test_cross_field_rules(model: Any, data: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        model.model_validate(data)


def test_unnamed_speaker() -> None:
    person = Person(description="the jury foreperson")
    assert person.to_jsonld() == {"@type": "Person", "description": "the jury foreperson"}


def test_url_without_trailing_slash_is_kept() -> None:
    assert (
        Organization(name="NBC News", url="https://www.nbcnews.com").to_jsonld()["url"]
        == "https://www.nbcnews.com"
    )
