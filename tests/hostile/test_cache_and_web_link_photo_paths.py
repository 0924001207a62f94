"""A photo path that looks like a web link is still a path below the repository: the cache
keys the result on that file too, so the output is the same with and without it."""

from __future__ import annotations

PATH = "submissions/2023/so-tttt.yaml"
SUBMISSION = """\
agency: so-tttt
cycle: "2023"
answers:
  photos:
  - path: https://example.org/anh.jpg
    caption: {vi: Ảnh}
    copyright: Sở
"""


def test_the_cache_sees_a_file_appear_behind_a_link_like_path(hcmlc, repo) -> None:
    repo.write(PATH, SUBMISSION)
    args = ("validate", "--root", str(repo.root), "--format", "json")
    before = hcmlc(*args)
    assert "HCMLC-E034" in before[1]  # no photo there yet
    repo.photo("https:/example.org/anh.jpg", width=1000, height=1500)  # a folder named https:
    fresh = hcmlc(*args, "--no-cache")
    assert "HCMLC-E034" not in fresh[1] and "HCMLC-W036" in fresh[1]
    assert hcmlc(*args) == fresh
