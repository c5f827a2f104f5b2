"""Read the phrase lists of a vocabulary module from the .toml file beside it, once at import."""

import tomllib
from importlib import resources

Phrases = tuple[str, ...]


def load(module: str) -> dict[str, Phrases | dict[str, Phrases]]:
    """The lists of `module`.toml (e.g. "security"), by name, as the module's constants."""
    source = f"{module}.toml"
    text = resources.files(__package__).joinpath(source).read_text(encoding="utf-8")
    return parse(text, source)


def parse(text: str, source: str) -> dict[str, Phrases | dict[str, Phrases]]:
    """A top-level list becomes a tuple of phrases in file order; a table (one list per kind,
    e.g. [SCOPE_TERMS]) a dict of such tuples. Anything else is a mistake in the file."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{source}: {error}") from error
    lists = {}
    for name, value in document.items():
        if not (name.isidentifier() and name.isupper()):
            raise ValueError(f"{source}: {name!r} is no constant's name (UPPER_CASE)")
        if isinstance(value, dict):
            lists[name] = {
                kind: _phrases(terms, f"{name}.{kind}", source) for kind, terms in value.items()
            }
        else:
            lists[name] = _phrases(value, name, source)
    return lists


def _phrases(value: object, name: str, source: str) -> Phrases:
    if not isinstance(value, list) or not value:
        raise ValueError(f"{source}: {name} must be a list of phrases, not {value!r}")
    for position, phrase in enumerate(value):
        # a blank or padded entry would never match as meant: " Server" is not "Server"
        if not isinstance(phrase, str) or not phrase.strip() or phrase != phrase.strip():
            raise ValueError(f"{source}: {name}[{position}] is no phrase: {phrase!r}")
    return tuple(value)
