"""The triage vocabulary's phrase lists, read from the .toml files beside its modules."""

import pytest

from portal.triage.vocabulary import components, phrases, scope, security, states


def test_a_list_becomes_a_tuple_in_file_order_and_a_table_a_dict_by_kind():
    lists = phrases.parse(
        '# a comment\nCURSOR_TERMS = ["Maus", "cursor"]\n[STATE_TERMS]\ndown = ["tot"]\n'
        'fault = ["spinnt", "komisch"]\n',
        "states.toml",
    )
    assert lists == {
        "CURSOR_TERMS": ("Maus", "cursor"),
        "STATE_TERMS": {"down": ("tot",), "fault": ("spinnt", "komisch")},
    }


def test_the_modules_carry_the_lists_of_their_files():
    assert security.CURSOR_TERMS == (
        "Maus",
        "Mauszeiger",
        "Cursor",
        "Zeiger",
        "mouse",
        "pointer",
        "cursor",
    )
    assert states.STATE_TERMS["down"][:3] == ("ausgefallen", "Ausfall", "Ausfälle")


def test_every_table_is_keyed_by_the_values_its_module_names():
    assert tuple(states.STATE_TERMS) == (states.DOWN, states.DEGRADED, states.FAULT)
    assert tuple(scope.SCOPE_TERMS) == (
        scope.COMPANY,
        scope.SEVERAL,
        scope.SEVERAL_WEAK,
        scope.ONE,
        scope.ONE_POSSESSIVE,
        scope.ONE_WEAK,
        scope.ONE_PERSON,
        scope.ONLY_ONE,
    )
    # the whole IT named at once ("EDV-Anlage") is a kind of its own since round 8
    assert set(components.COMPONENT_TERMS) == set(components.BY_SPECIFICITY) - {
        components.LOW_TOPIC,
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            'SECURITY_TERMS = ["Virus", 42]\n',
            r"security\.toml: SECURITY_TERMS\[1\] is no phrase: 42",
        ),
        ('SECURITY_TERMS = ["Virus", " "]\n', r"SECURITY_TERMS\[1\] is no phrase: ' '"),
        ('SECURITY_TERMS = ["Virus", " Trojaner"]\n', r"SECURITY_TERMS\[1\] is no phrase: ' Tr"),
        ("SECURITY_TERMS = []\n", r"SECURITY_TERMS must be a list of phrases, not \[\]"),
        ("[STATE_TERMS]\ndown = []\n", r"STATE_TERMS\.down must be a list of phrases, not \[\]"),
        (
            '[STATE_TERMS]\ndown = ["tot", ["weg"]]\n',
            r"security\.toml: STATE_TERMS\.down\[1\] is no phrase: \['weg'\]",
        ),
        ('SECURITY_TERMS = "Virus"\n', r"SECURITY_TERMS must be a list of phrases, not 'Virus'"),
        ('security_terms = ["Virus"]\n', r"'security_terms' is no constant's name"),
        (
            'SECURITY_TERMS = ["Virus"]\nSECURITY_TERMS = ["Trojaner"]\n',
            r"security\.toml: Cannot overwrite a value \(at line 2",
        ),
        ('SECURITY_TERMS = ["Virus"\n', r"security\.toml: .*\(at end of document\)"),
    ],
)
def test_a_malformed_file_fails_at_load_naming_file_list_and_place(text, message):
    with pytest.raises(ValueError, match=message):
        phrases.parse(text, "security.toml")
