"""negtui export json / import json: the document, the round trip, and refusals."""

from __future__ import annotations

import json

import pytest

from negtui.store.migrations import SCHEMA_VERSION


def _by_id(document):
    return {book["deal"]["id"]: book for book in document["deals"]}


def _refused(result, *words):
    assert result.returncode == 2, str(result)
    assert result.stdout == "", str(result)
    assert "Traceback" not in result.stderr, str(result)
    for word in words:
        assert word in result.stderr, str(result)


def test_export_to_file_writes_a_valid_document(cli, demo_folder, demo_ids):
    target = cli.base / "out" / "export.json"
    target.parent.mkdir()
    result = cli.ok("export", "json", "-o", str(target), "--data", str(demo_folder))
    assert result.stdout == ""
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "negtui-portfolio"
    assert document["schema_version"] == SCHEMA_VERSION
    assert isinstance(document["deals"], list)
    assert set(_by_id(document)) == set(demo_ids.values())
    names = {book["deal"]["name"] for book in document["deals"]}
    assert names == set(demo_ids)
    # Nothing but the export itself was left in the target folder.
    assert [p.name for p in target.parent.iterdir()] == ["export.json"]


def test_export_to_stdout_matches_file(cli, demo_folder):
    target = cli.base / "export.json"
    cli.ok("--data", str(demo_folder), "export", "json", "--output", str(target))
    from_file = json.loads(target.read_text(encoding="utf-8"))
    from_stdout = cli.export(demo_folder)
    dash = json.loads(cli.ok("export", "json", "-o", "-", "--data", str(demo_folder)).stdout)
    for document in (from_file, from_stdout, dash):
        document.pop("exported_at")
    assert from_file == from_stdout == dash
    assert not (cli.base / "-").exists()


def test_export_import_round_trip(cli, demo_folder):
    exported = cli.base / "export.json"
    cli.ok("export", "json", "-o", str(exported), "--data", str(demo_folder))
    fresh = cli.base / "fresh"
    result = cli.ok("import", "json", str(exported), "--data", str(fresh))
    assert "8" in result.stderr
    original = json.loads(exported.read_text(encoding="utf-8"))
    again = cli.export(fresh)
    assert _by_id(again) == _by_id(original)
    assert again["settings"] == original["settings"]
    assert again["lessons"] == original["lessons"]
    assert cli.ok("check", "--data", str(fresh)).returncode == 0


def test_import_into_existing_empty_folder(cli, demo_folder):
    exported = cli.base / "export.json"
    cli.ok("export", "json", "-o", str(exported), "--data", str(demo_folder))
    empty = cli.base / "empty"
    empty.mkdir()
    cli.ok("import", "json", str(exported), "--data", str(empty))
    assert _by_id(cli.export(empty)) == _by_id(cli.export(demo_folder))


def test_import_merges_by_id(cli, demo_folder, write_json, make_document, demo_ids):
    deal_id = demo_ids["Atlas pricing study"]
    before = _by_id(cli.export(demo_folder))[deal_id]
    extra = {"id": "c-imported", "direction": "received", "what": "Kick-off moved",
             "at": "2026-03-01T09:30:00+01:00"}
    document = make_document([{**before, "concessions": [extra]}])
    cli.ok("import", "json", str(write_json("merge.json", document)), "--data", str(demo_folder))
    after = _by_id(cli.export(demo_folder))
    assert len(after) == 8
    ids = [c["id"] for c in after[deal_id]["concessions"]]
    assert ids == [c["id"] for c in before["concessions"]] + ["c-imported"]


def _bad_document(demo_export):
    """Just the Northwind deal, with one concession valued 42 by us."""
    (book,) = [b for b in demo_export["deals"] if b["deal"]["name"].startswith("Northwind")]
    book["concessions"][0]["value_us"] = 42
    return {**demo_export, "deals": [book]}


@pytest.mark.parametrize("target", ["demo", "empty", "missing"])
def test_import_of_invalid_document_writes_nothing(cli, demo_folder, write_json, target):
    source = write_json("bad.json", _bad_document(cli.export(demo_folder)))
    folder = {"demo": demo_folder, "empty": cli.base / "empty",
              "missing": cli.base / "missing"}[target]
    if target == "empty":
        folder.mkdir()
    before = cli.snapshot(folder)
    result = cli.run("import", "json", str(source), "--data", str(folder))
    _refused(result, str(source), "deals[0]", "concessions.0.value_us", "42")
    assert len(result.stderr_lines) == 1, str(result)
    assert cli.snapshot(folder) == before


def test_import_reports_every_problem(cli, demo_folder, write_json):
    document = cli.export(demo_folder)
    first, second = [i for i, b in enumerate(document["deals"]) if b["concessions"]][:2]
    document["deals"][first]["concessions"][0]["value_us"] = 42
    document["deals"][second]["deal"]["name"] = ""
    source = write_json("bad.json", document)
    before = cli.snapshot(demo_folder)
    result = cli.run("import", "json", str(source), "--data", str(demo_folder))
    _refused(result, f"deals[{first}]", f"deals[{second}]", "value_us", "name")
    assert len(result.stderr_lines) == 2, str(result)
    assert all(str(source) in line for line in result.stderr_lines), str(result)
    assert cli.snapshot(demo_folder) == before


@pytest.mark.parametrize("content", [b"{not json", b"", b"\xff\xfe\x00garbage",
                                     b'{"format": "negtui-portfolio", "deals": ['])
def test_import_of_non_json_file(cli, demo_folder, content):
    source = cli.base / "broken.json"
    source.write_bytes(content)
    before = cli.snapshot(demo_folder)
    result = cli.run("import", "json", str(source), "--data", str(demo_folder))
    _refused(result, str(source))
    assert len(result.stderr_lines) == 1, str(result)
    assert cli.snapshot(demo_folder) == before


@pytest.mark.parametrize("document", [
    [],
    {"format": "something-else", "schema_version": 1, "deals": []},
    {"format": "negtui-portfolio", "schema_version": 99, "deals": []},
    {"format": "negtui-portfolio", "schema_version": 1},
    {"format": "negtui-portfolio", "schema_version": 1,
     "deals": [{"deal": {"id": "d-same0001", "name": "One"}},
               {"deal": {"id": "d-same0001", "name": "Two"}}]},
], ids=["list", "format", "too-new", "no-deals", "duplicate"])
def test_import_of_wrong_document(cli, write_json, document):
    folder = cli.base / "target"
    source = write_json("doc.json", document)
    result = cli.run("import", "json", str(source), "--data", str(folder))
    _refused(result, str(source))
    assert not folder.exists()


def test_import_of_missing_file(cli, demo_folder):
    before = cli.snapshot(demo_folder)
    missing = cli.base / "nope.json"
    result = cli.run("import", "json", str(missing), "--data", str(demo_folder))
    _refused(result, str(missing))
    assert len(result.stderr_lines) == 1
    assert cli.snapshot(demo_folder) == before


def test_export_into_missing_directory(cli, demo_folder):
    target = cli.base / "no" / "such" / "dir" / "export.json"
    result = cli.run("export", "json", "-o", str(target), "--data", str(demo_folder))
    _refused(result, str(target))
    assert len(result.stderr_lines) == 1, str(result)
    assert not (cli.base / "no").exists()


def test_export_of_missing_folder_keeps_an_old_export(cli):
    # A mistyped --data must not replace a good export with an empty one.
    target = cli.base / "backup.json"
    target.write_text('{"keep": true}\n', encoding="utf-8")
    folder = cli.base / "typo"
    result = cli.run("export", "json", "-o", str(target), "--data", str(folder))
    _refused(result, str(folder))
    assert len(result.stderr_lines) == 1, str(result)
    assert target.read_text(encoding="utf-8") == '{"keep": true}\n'
    assert not folder.exists()


def _northwind(document):
    return next(b for b in document["deals"] if b["deal"]["name"].startswith("Northwind"))


def test_import_refuses_a_record_id_used_twice_in_a_deal(cli, demo_folder, write_json):
    document = cli.export(demo_folder)
    northwind = _northwind(document)
    first = northwind["concessions"][0]
    northwind["concessions"].append({**first, "what": "A second entry under the same id"})
    source = write_json("twice.json", document)
    fresh = cli.base / "fresh"
    result = cli.run("import", "json", str(source), "--data", str(fresh))
    _refused(result, str(source), northwind["deal"]["id"], first["id"], "2 times")
    assert not fresh.exists()


def test_import_refuses_a_concession_naming_a_missing_term(cli, demo_folder, write_json):
    document = cli.export(demo_folder)
    northwind = _northwind(document)
    northwind["concessions"][0]["term_id"] = "t-nowhere"
    source = write_json("dangling.json", document)
    before = cli.snapshot(demo_folder)
    result = cli.run("import", "json", str(source), "--data", str(demo_folder))
    _refused(result, str(source), northwind["deal"]["id"], "'t-nowhere'",
             northwind["concessions"][0]["id"])
    assert cli.snapshot(demo_folder) == before
