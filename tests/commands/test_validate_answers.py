"""Form answers of every kind: contact, choice, figure, quote, photos."""

from __future__ import annotations

import json

import pytest


def check(
    hcmlc, repo, agency: str, answers: str
) -> tuple[int, list[tuple[int, str, str, str | None]]]:
    repo.write(
        f"submissions/2023/{agency}.yaml", f'agency: {agency}\ncycle: "2023"\nanswers:\n{answers}'
    )
    code, out, _ = hcmlc("validate", "--root", str(repo.root), "--format", "json")
    return code, [
        (p["line"], p["code"], p["message"], p["hint"]) for p in json.loads(out)["problems"]
    ]


def test_contact_fields(hcmlc, repo) -> None:
    answers = "  mayor:\n    first-name: Văn Mãi\n    surname: Phan\n    email:\n"
    assert check(hcmlc, repo, "so-gddt", answers) == (
        1,
        [
            (6, "HCMLC-E011", "unknown field `surname` in `mayor`", "did you mean `last-name`?"),
            (
                7,
                "HCMLC-E012",
                "field `email` must be a non-empty text",
                "write the text after the colon, or `{vi: …, en: …}` with both languages",
            ),
        ],
    )
    assert check(hcmlc, repo, "so-gddt", "  mayor:\n    phone: 028\n")[1][0][3] == (
        "fields: salutation, first-name, last-name, official-title, postal-address, postcode, email"
    )
    assert check(hcmlc, repo, "so-gddt", "  mayor: Ông Phan Văn Mãi\n")[1] == [
        (
            4,
            "HCMLC-E012",
            "answer `mayor` must be a mapping of its fields",
            "fields: salutation, first-name, last-name, official-title, postal-address, postcode, email",
        ),
    ]


def test_choice(hcmlc, repo) -> None:
    assert check(hcmlc, repo, "so-gddt", "  language:\n    choice: englsh\n") == (
        1,
        [
            (5, "HCMLC-E012", "`englsh` is not an option of `language`", "did you mean `english`?"),
        ],
    )
    assert check(hcmlc, repo, "so-gddt", "  language:\n    choice: french\n") == (0, [])


def test_figure_with_year(hcmlc, repo) -> None:
    code, found = check(
        hcmlc, repo, "cuc-thong-ke", "  population:\n    value: 9.389.720\n    year: 2010\n"
    )
    assert code == 1
    assert found == [  # both faults at once: the figure's form, and its year
        (
            5,
            "HCMLC-E022",
            "`value`: `9.389.720` has dots between thousands, as Vietnamese writes; hcmlc reads "
            "a dot as the decimal point",
            "write the number without thousands separators: 9389720",
        ),
        (
            6,
            "HCMLC-E023",
            "year 2010 is outside cycle 2023, which covers 2019–2023",
            "give the year the figure describes; older figures belong to an earlier cycle",
        ),
    ]
    code, found = check(
        hcmlc, repo, "cuc-thong-ke", "  population:\n    value: 9389720\n    year: 2010\n"
    )
    assert found == [
        (
            6,
            "HCMLC-E023",
            "year 2010 is outside cycle 2023, which covers 2019–2023",
            "give the year the figure describes; older figures belong to an earlier cycle",
        )
    ]


def test_quote_needs_a_date_and_fits_30_words(hcmlc, repo) -> None:
    quote = " ".join(["học"] * 31)
    code, found = check(
        hcmlc, repo, "so-gddt", f"  mayor-quote:\n    vi: {quote}\n    date: 15/08/2023\n"
    )
    assert code == 1
    assert found == [  # the word count is checked too, though the date is wrong
        (5, "HCMLC-E024", "31 words, over the limit of 30", "shorten the answer by 1 word"),
        (
            6,
            "HCMLC-E012",
            "`date` must be a date, not `15/08/2023`",
            "write the date as YYYY-MM-DD, day last: 2023-08-15",  # day first, as Vietnamese writes
        ),
    ]
    code, found = check(
        hcmlc, repo, "so-gddt", f"  mayor-quote:\n    vi: {quote}\n    date: 2023-08-15\n"
    )
    assert found == [
        (5, "HCMLC-E024", "31 words, over the limit of 30", "shorten the answer by 1 word")
    ]


def test_english_text_is_held_to_the_limit_too(hcmlc, repo) -> None:
    answers = "  slogan:\n    vi: Học tập suốt đời\n    en: Lifelong learning for every single person in our great city\n"
    assert check(hcmlc, repo, "so-gddt", answers)[1] == [
        (6, "HCMLC-E024", "10 words, over the limit of 8", "shorten the answer by 2 words"),
    ]


PHOTO = (
    "  - path: photos/{name}\n    caption: {{vi: Chợ Bến Thành}}\n    copyright: © UBND TP.HCM\n"
)


def photos(*names: str) -> str:
    return "  photos:\n" + "".join(PHOTO.format(name=name) for name in names)


def test_photos(hcmlc, repo) -> None:
    for name in ("a.jpg", "b.jpg", "c.jpg"):
        repo.photo(f"photos/{name}")
    assert check(hcmlc, repo, "so-tttt", photos("a.jpg", "b.jpg", "c.jpg")) == (0, [])
    code, found = check(hcmlc, repo, "so-tttt", photos("a.jpg"))
    assert (code, found) == (
        0,
        [(4, "HCMLC-W032", "1 photo given; the form asks for 3 to 4", None)],
    )
    assert check(hcmlc, repo, "so-tttt", "  photos: ảnh.jpg\n")[1] == [
        (
            4,
            "HCMLC-E012",
            "answer `photos` must be a list of photos",
            "start each photo with `- path:`",
        ),
    ]


def test_photo_without_caption_or_copyright_is_a_warning(hcmlc, repo) -> None:
    repo.photo("photos/a.jpg")
    bare = "  photos:\n  - path: photos/a.jpg\n" * 1
    code, found = check(hcmlc, repo, "so-tttt", bare + PHOTO.format(name="a.jpg") * 2)
    assert code == 0
    assert found == [
        (
            5,
            "HCMLC-W038",
            "the photo has no caption and no copyright",
            "the form asks for a short caption and the copyright holder of every photo",
        )
    ]


def test_photo_size_and_shape(hcmlc, repo) -> None:
    repo.photo("photos/portrait.jpg", 1500, 2000)
    repo.photo("photos/ok.jpg")
    code, found = check(hcmlc, repo, "so-tttt", photos("portrait.jpg", "ok.jpg", "ok.jpg"))
    assert code == 0
    assert found == [
        (
            5,
            "HCMLC-W036",
            "the photo is not landscape (1500×2000 px)",
            "the form asks for landscape photos; choose or crop a wider one",
        ),
        (
            5,
            "HCMLC-W037",
            "the photo is 1500 px wide; the form asks for about 2,000",
            "send the original file, not a resized or compressed copy",
        ),
    ]


@pytest.mark.parametrize(
    ("path", "code", "message"),
    [
        ("/etc/passwd", "HCMLC-E033", "photo path `/etc/passwd` is absolute"),
        ("C:\\\\Users\\\\anh.jpg", "HCMLC-E033", "photo path `C:\\Users\\anh.jpg` is absolute"),
        ("../outside.jpg", "HCMLC-E033", "photo path `../outside.jpg` climbs out with `..`"),
        (
            "link/secret.jpg",
            "HCMLC-E033",
            "photo path `link/secret.jpg` leads outside the repository (through a link)",
        ),
        ("photos/none.jpg", "HCMLC-E034", "no photo at `photos/none.jpg`"),
        (
            "photos/notes.jpg",
            "HCMLC-E035",
            "cannot read `notes.jpg` as a photo (UnrecognizedImageError)",
        ),
    ],
)
def test_photo_paths_stay_inside_the_repository(
    hcmlc, repo, tmp_path_factory, path: str, code: str, message: str
) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret.jpg").write_bytes(b"not to be read")
    (repo.root / "link").symlink_to(outside, target_is_directory=True)
    repo.write("photos/notes.jpg", "này không phải là ảnh\n")
    body = f'  photos:\n  - path: "{path}"\n    caption: {{vi: Ảnh}}\n    copyright: ©\n'
    _, found = check(hcmlc, repo, "so-tttt", body)
    assert [(line, c, m) for line, c, m, _ in found if c != "HCMLC-W032"] == [(5, code, message)]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "  slogan: Học tập suốt đời\n",
            "`slogan` must be a mapping of `key: value` lines, not `Học tập suốt đời`",
        ),
        ("  slogan:\n    vi: [Học, tập]\n", "`vi` must be a text, not a list"),
        ("  slogan:\n    vi: '   '\n", "`vi` must not be empty"),
    ],
)
def test_text_answer_shape(hcmlc, repo, body: str, message: str) -> None:
    assert check(hcmlc, repo, "so-gddt", body)[1][0][2] == message
