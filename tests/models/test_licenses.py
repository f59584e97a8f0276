from __future__ import annotations

import pytest

from schema_pub.models.licenses import UnknownLicenseError, by_url, catalogue, lookup


@pytest.mark.parametrize(
    ("text", "url", "name"),
    [
        (
            "CC BY-SA 3.0",
            "https://creativecommons.org/licenses/by-sa/3.0/",
            "Creative Commons Attribution-ShareAlike 3.0 Unported",
        ),
        (
            "cc-by-sa-3.0",
            "https://creativecommons.org/licenses/by-sa/3.0/",
            "Creative Commons Attribution-ShareAlike 3.0 Unported",
        ),
        (
            "BY 4.0",
            "https://creativecommons.org/licenses/by/4.0/",
            "Creative Commons Attribution 4.0 International",
        ),
        (
            "CC BY-NC-ND 2.5",
            "https://creativecommons.org/licenses/by-nc-nd/2.5/",
            "Creative Commons Attribution-NonCommercial-NoDerivs 2.5 Generic",
        ),
        (
            "CC BY-NC-ND 1.0",
            "https://creativecommons.org/licenses/by-nd-nc/1.0/",
            "Creative Commons Attribution-NoDerivs-NonCommercial 1.0 Generic",
        ),
        (
            "CC BY-ND-NC 1.0",
            "https://creativecommons.org/licenses/by-nd-nc/1.0/",
            "Creative Commons Attribution-NoDerivs-NonCommercial 1.0 Generic",
        ),
        (
            "CC BY-NC-ND 4.0",
            "https://creativecommons.org/licenses/by-nc-nd/4.0/",
            "Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International",
        ),
        (
            "https://creativecommons.org/licenses/by/4.0/legalcode.en",
            "https://creativecommons.org/licenses/by/4.0/",
            "Creative Commons Attribution 4.0 International",
        ),
        ("CC0", "https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0 Universal"),
        (
            "Public Domain Mark",
            "https://creativecommons.org/publicdomain/mark/1.0/",
            "Public Domain Mark 1.0",
        ),
        (
            "http://creativecommons.org/licenses/by-sa/3.0",
            "https://creativecommons.org/licenses/by-sa/3.0/",
            "Creative Commons Attribution-ShareAlike 3.0 Unported",
        ),
        (
            "https://creativecommons.org/licenses/by-sa/3.0/deed.en",
            "https://creativecommons.org/licenses/by-sa/3.0/",
            "Creative Commons Attribution-ShareAlike 3.0 Unported",
        ),
        (
            "Creative Commons Attribution-ShareAlike 4.0 International",
            "https://creativecommons.org/licenses/by-sa/4.0/",
            "Creative Commons Attribution-ShareAlike 4.0 International",
        ),
    ],
)
def test_lookup(text: str, url: str, name: str) -> None:
    found = lookup(text)
    assert (found.url, found.name) == (url, name)


def test_catalogue_is_complete_and_round_trips() -> None:
    entries = catalogue()
    assert len(entries) == 6 * 5 + 2
    for lic in entries:
        assert lookup(lic.short) == lic
        assert lookup(lic.name) == lic
        assert lookup(lic.url) == lic
        assert by_url(lic.url) == lic
    assert len({lic.url for lic in entries}) == len(entries)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [("CC BY-SA 3.5", "CC BY-SA 3.0"), ("CC-BY-SA-5.0", "CC BY-SA 4.0"), ("GPL", None)],
)
def test_unknown_licence_has_a_hint(text: str, suggestion: str | None) -> None:
    with pytest.raises(UnknownLicenseError) as info:
        lookup(text)
    assert info.value.suggestion == suggestion
    assert text in str(info.value)
