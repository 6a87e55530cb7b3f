"""Alert rules files: what is refused and how it is named; ``kabar alerts test`` on the sample."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from streams.cli import main
from streams.desk.alerts import RulesError, Target, default_rules, load_rules
from streams.settings import SettingsError, from_env


def _write(tmp_path: Path, rules: list[dict]) -> Path:
    path = tmp_path / "rules.json"
    path.write_text(json.dumps({"rules": rules}), encoding="utf-8")
    return path


RIOT = {"name": "riot", "severity": "high", "when": {"types": ["PROTEST"], "modes": ["riot"]},
        "message": "riot in {where} on {date}"}


def test_the_built_in_rules_are_valid_and_deliver_nowhere():
    names = [r.name for r in default_rules()]
    assert "riot" in names and "mass-casualty" in names
    assert all(r.deliver == () for r in default_rules())


def test_a_rule_with_webhooks_reads_its_targets(tmp_path):
    rule = {**RIOT, "deliver": [{"webhook": "https://hooks.example.org/kabar", "secret_env": "RIOT_SECRET"},
                                {"webhook": "https://hooks.slack.com/services/T/B/x", "format": "slack",
                                 "attempts": 3}]}
    [loaded] = load_rules(_write(tmp_path, [rule]))
    assert loaded.deliver == (Target("https://hooks.example.org/kabar", "json", "RIOT_SECRET", 5),
                              Target("https://hooks.slack.com/services/T/B/x", "slack", None, 3))


@pytest.mark.parametrize("change, error", [
    ({"when": {"types": ["PROTESTS"]}}, "rule 'riot', field when.types: 'PROTESTS' is not one of ACCUSE"),
    ({"when": {"modes": ["riots"]}}, "rule 'riot', field when.modes: 'riots' is not one of"),
    ({"when": {"countries": ["Kenya"]}}, "rule 'riot', field when.countries: 'Kenya' is not an ISO 3166"),
    ({"when": {"count_at_least": {"dead": 3}}}, "rule 'riot', field when.count_at_least: 'dead' is not one of"),
    ({"when": {"sources_at_least": "3"}}, "rule 'riot', field when.sources_at_least: expected a whole number"),
    ({"wehn": {}}, "rule 'riot': unknown field 'wehn'"),
    ({"severity": "urgent"}, "rule 'riot', field severity: expected one of critical, high, medium, low"),
    ({"message": "{casualties} casualties"}, "rule 'riot', field message: KeyError('casualties')"),
    ({"deliver": [{"webhook": "ftp://example.org/x", "secret_env": "S"}]},
     "rule 'riot', field deliver[0].webhook: expected an http:// or https:// URL"),
    ({"deliver": [{"webhook": "https://example.org/x"}]},
     "rule 'riot', field deliver[0].secret_env: a json webhook is signed"),
    ({"deliver": [{"webhook": "https://example.org/x", "format": "teams", "secret_env": "S"}]},
     "rule 'riot', field deliver[0].format: expected one of json, slack"),
    ({"deliver": [{"webhook": "https://example.org/x", "secret_env": "S", "attempts": 0}]},
     "rule 'riot', field deliver[0].attempts: expected a whole number from 1 to 10"),
])
def test_an_invalid_rule_is_refused_naming_the_rule_and_the_field(tmp_path, change, error):
    path = _write(tmp_path, [{**RIOT, **change}])
    with pytest.raises(RulesError) as refused:
        load_rules(path)
    assert str(refused.value).startswith(f"{path}: {error}")


def test_a_name_used_twice_is_refused(tmp_path):
    with pytest.raises(RulesError, match="rule 'riot': the name is used twice"):
        load_rules(_write(tmp_path, [RIOT, RIOT]))


def test_a_file_that_is_not_json_is_refused(tmp_path):
    path = tmp_path / "rules.json"
    path.write_text("rules: [riot]", encoding="utf-8")
    with pytest.raises(RulesError, match=f"^{path}: not JSON"):
        load_rules(path)


def test_alerts_test_prints_what_the_sample_would_fire(tmp_path, capsys):
    hook = {"webhook": "https://hooks.example.org/kabar", "secret_env": "RIOT_SECRET"}
    rules = _write(tmp_path, [{**RIOT, "deliver": [hook]},
                              {"name": "mass-arrest", "severity": "high",
                               "when": {"types": ["COERCE"], "count_at_least": {"arrested": 100}},
                               "message": "{arrested} arrested in {where} on {date}"},
                              {"name": "in-kenya", "when": {"countries": ["KE"]}}])
    assert main(["alerts", "test", str(rules)]) == 0
    lines = capsys.readouterr().out.splitlines()
    fired = {line.split()[0]: line for line in lines[:-1]}
    assert set(fired) == {"riot", "mass-arrest"}
    assert "riot in Almaty, KZ on 2022-01-06  -> hooks.example.org (json)" in fired["riot"]
    assert "arrested in KZ on 2022-01-06  -> (no webhook)" in fired["mass-arrest"]
    assert lines[-1].startswith("6 articles (0 rejected by the NLP), ")
    assert lines[-1].endswith("2 alerts from 2 of 3 rules; did not fire: in-kenya")


def test_alerts_test_on_an_invalid_file_is_one_line_and_status_2(tmp_path, capsys):
    rules = _write(tmp_path, [{**RIOT, "when": {"types": ["PROTESTS"]}}])
    assert main(["alerts", "test", str(rules)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"kabar alerts test: {rules}: rule 'riot', field when.types")


def test_kabar_alert_rules_names_a_file_that_exists(tmp_path):
    rules = _write(tmp_path, [RIOT])
    assert from_env({"KABAR_ALERT_RULES": str(rules)}).alert_rules == rules.resolve()
    with pytest.raises(SettingsError, match="KABAR_ALERT_RULES is '.*missing.json': it must be a file of alert rules"):
        from_env({"KABAR_ALERT_RULES": str(tmp_path / "missing.json")})
