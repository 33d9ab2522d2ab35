"""Copy desk (layout clean) on the sample issue: the committed article files are exactly the cleaner's output."""

from collections import Counter
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from layout.cleaning.desk import clean_file
from layout.cleaning.rules import HAN_RE
from layout.cli.clean import command

pytestmark = pytest.mark.e2e

ISSUE = Path(__file__).resolve().parents[2] / "issues" / "jining"
RAW = ISSUE / "raw" / "jining-page.txt"
ARTICLES = ISSUE / "articles"


@pytest.fixture(scope="module")
def result():
    """The cleaner's output for the sample's raw page."""
    return clean_file(RAW, ARTICLES.name)


def test_layout_clean_writes_exactly_the_committed_article_files(tmp_path):
    out = tmp_path / ARTICLES.name
    run = CliRunner().invoke(command, [str(RAW), "-o", str(out)])
    assert run.exit_code == 0, run.output
    written = {path.name: path.read_bytes() for path in out.iterdir()}
    committed = {path.name: path.read_bytes() for path in ARTICLES.iterdir()}
    assert sorted(written) == sorted(committed)
    for name, data in committed.items():
        assert written[name] == data, name


def test_article_files_equal_the_cleaner_output(result):
    for output in result.files:
        assert (ARTICLES / output.name).read_bytes() == output.text.encode("utf-8"), output.name
    written = {output.name for output in result.files}
    assert {p.name for p in ARTICLES.iterdir()} == written


def test_check_passes_on_the_sample():
    run = CliRunner().invoke(command, [str(RAW), "-o", str(ARTICLES), "--check"])
    assert run.exit_code == 0, run.output


def test_no_han_character_is_lost_except_the_reported_duplicate(result):
    raw = Counter(HAN_RE.findall(RAW.read_text(encoding="utf-8")))
    files = Counter()
    for path in sorted(ARTICLES.glob("*.txt")):
        files.update(HAN_RE.findall(path.read_text(encoding="utf-8")))
    duplicates = [change.before for change in result.changes if change.kind == "duplicate"]
    assert duplicates == ["数据知识产权是指数据资源持有人或处理者对其"]
    assert files + Counter(HAN_RE.findall("".join(duplicates))) == raw


def test_lead_story_header(result):
    lead = (ARTICLES / "01.txt").read_text(encoding="utf-8").split("\n\n", 1)[0].splitlines()
    assert "kicker: 积极推动项目建设提质提速提效" in lead
    assert "headline: 济宁高新区重点项目建设新闻发布会举行" in lead
    assert "dateline: 本报济宁讯（记者 刘菲）" in lead


def test_every_article_has_a_headline_and_a_dateline():
    for path in sorted(ARTICLES.glob("*.txt")):
        header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        assert "\nheadline: " in "\n" + header, path.name
        assert "\ndateline: 本报济宁讯（记者 " in "\n" + header, path.name


def test_ocr_typos_are_left_as_received():
    text = "".join(path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*.txt")))
    assert "人户政策" in text and "数据资产人表" in text


def test_article_files_are_already_clean():
    for path in sorted(ARTICLES.glob("*.txt")):
        again = clean_file(path)
        assert again.kind == "article"
        assert again.files[0].text == path.read_text(encoding="utf-8"), path.name
        assert again.changes == ()


def test_skeleton_is_yaml_listing_every_article():
    skeleton = yaml.safe_load((ARTICLES / "skeleton.yaml").read_text(encoding="utf-8"))
    entries = skeleton["articles"]
    assert [entry["id"] for entry in entries] == [f"a{i:02d}" for i in range(1, len(entries) + 1)]
    assert all((ISSUE / entry["file"]).is_file() for entry in entries)
    assert all(set(entry) == {"id", "file"} for entry in entries)
