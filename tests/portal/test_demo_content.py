"""A curator who breaks a demo data file is told which file and which key, before anything loads."""

import shutil

import pytest
from django.core.management import CommandError, call_command

from portal import demo_content
from practices.models import Practice

AARHUS_LABS = "practices/01-aarhus-media-literacy-labs-before-local-elections.toml"


@pytest.fixture
def demo_dir(tmp_path, monkeypatch):
    """A copy of portal/demo/ that load_demo reads, for a test to break."""
    directory = tmp_path / "demo"
    shutil.copytree(demo_content.DEMO_DIR, directory)
    monkeypatch.setattr(demo_content, "DEMO_DIR", directory)
    return directory


def edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def load_error(directory):
    with pytest.raises(demo_content.DemoContentError) as error:
        demo_content.load(directory)
    return str(error.value)


def test_the_files_hold_the_demo_in_loading_order():
    content = demo_content.load()
    assert [len(rows) for rows in content] == [4, 12, 20, 2]
    first = content.practices[0]
    assert first["slug"] == "aarhus-media-literacy-labs-before-local-elections"
    assert first["summary"].startswith("Before the 2021 municipal and regional elections")
    assert not first["summary"].endswith("\n")
    assert first["end_year"] is None


def test_a_missing_key_names_the_file_and_the_key(demo_dir):
    edit(demo_dir / "cities.toml", 'region = "Oslo"\n', "")
    message = load_error(demo_dir)
    assert "cities.toml, cities 3: missing key 'region'" in message


def test_an_unknown_key_names_the_file_and_the_key(demo_dir):
    edit(demo_dir / AARHUS_LABS, "featured = true", "featured = true\nfeatured_on_home = true")
    message = load_error(demo_dir)
    assert AARHUS_LABS in message
    assert "unknown key 'featured_on_home'" in message


def test_a_misspelt_key_in_an_event_practice_is_named(demo_dir):
    edit(demo_dir / "events.toml", "note_en =", "note =")
    message = load_error(demo_dir)
    assert "events.toml, events 1, key 'practices' 1: unknown key 'note'" in message


def test_a_value_of_the_wrong_kind_is_named(demo_dir):
    edit(demo_dir / "cities.toml", "population = 365_000", 'population = "365,000"')
    message = load_error(demo_dir)
    assert "cities 1, key 'population': expected a whole number, found '365,000'" in message


def test_a_slug_that_names_nothing_is_named(demo_dir):
    edit(demo_dir / AARHUS_LABS, 'city = "aarhus"', 'city = "arhus"')
    message = load_error(demo_dir)
    assert f"{AARHUS_LABS}, key 'city': 'arhus' is none of the cities" in message


def test_a_practice_file_needs_a_position_and_a_slug(demo_dir):
    (demo_dir / AARHUS_LABS).rename(demo_dir / "practices" / "Aarhus labs.toml")
    assert "is named <position>-<slug>.toml" in load_error(demo_dir)


@pytest.mark.django_db
def test_load_demo_stops_with_the_message_and_writes_nothing(demo_dir):
    edit(demo_dir / "networks.toml", "[[networks]]", "[[network]]")
    with pytest.raises(CommandError, match=r"networks.toml: unknown key 'network'"):
        call_command("load_demo", verbosity=0)
    assert not Practice.objects.exists()
