"""Train the learned signal (portal/triage/learned.py) and write its weights to
portal/triage/data/model.tsv. Needs scikit-learn, a development dependency:

    .venv/bin/python -m portal.triage.training        (or: make triage-model)

It learns from every labelled set but the never-tuned ones (labelled.training_pairs) and from
the phrasings of our own that check each round's rules (tests/data/triage_rules). Run it after
any of them changes: tests/test_triage_learned.py fails while the shipped model was trained on
other phrasings. The settings are fixed here, not tuned on the never-tuned sets.
"""

import hashlib
import re
import sys
from pathlib import Path

from portal.triage.labelled import UNTUNED_SETS, labelled_sets, load_labelled, training_pairs
from portal.triage.learned import LETTER_SIZES, MODEL_FILE, WORD_SIZES, parse

# Each group drops what only one phrasing says (a typo, a name); C is the inverse strength of
# the regularisation (scikit-learn's default is 1.0: more here, the phrasings are short).
MIN_PHRASINGS = 2
STRENGTH = 10.0
DIGITS = 6  # significant digits kept of each weight


RULE_TABLES = Path(__file__).resolve().parents[2] / "tests" / "data" / "triage_rules"


def all_training_pairs() -> list[tuple[str, str]]:
    """The labelled sets the model learns from, then the rounds' own phrasings, without any
    phrasing that a never-tuned set also holds (independent authors sometimes write the same
    short sentence; the model must not have seen it)."""
    tables = sorted(RULE_TABLES.glob("round*.tsv"))
    pairs = training_pairs() + [pair for path in tables for pair in load_labelled(path)]
    unseen = {
        plain(text)
        for path in labelled_sets()
        if path.name in UNTUNED_SETS
        for text, _ in load_labelled(path)
    }
    return [pair for pair in pairs if plain(pair[0]) not in unseen]


def plain(text: str) -> str:
    """A phrasing without case, punctuation and spacing: what makes two lines the same."""
    return " ".join(re.findall(r"\w+", text.lower()))


def fingerprint(pairs: list[tuple[str, str]]) -> str:
    """What a model was trained on: the sha256 of its phrasings and classes, in order."""
    digest = hashlib.sha256()
    for text, priority in pairs:
        digest.update(f"{text}\t{priority}\n".encode())
    return digest.hexdigest()


def train(pairs: list[tuple[str, str]]):
    """The fitted (vectorizers, classifier) of scikit-learn for ``pairs``."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    words = TfidfVectorizer(
        analyzer="word", ngram_range=WORD_SIZES, sublinear_tf=True, min_df=MIN_PHRASINGS
    )
    letters = TfidfVectorizer(
        analyzer="char_wb", ngram_range=LETTER_SIZES, sublinear_tf=True, min_df=MIN_PHRASINGS
    )
    texts = [text for text, _ in pairs]
    from scipy.sparse import hstack

    features = hstack([words.fit_transform(texts), letters.fit_transform(texts)]).tocsr()
    classifier = LogisticRegression(C=STRENGTH, max_iter=5000)
    classifier.fit(features, [priority for _, priority in pairs])
    return (words, letters), classifier


def model_text(pairs: list[tuple[str, str]]) -> str:
    (words, letters), classifier = train(pairs)
    number = f"{{:.{DIGITS}g}}".format
    lines = [
        "#classes\t" + "\t".join(classifier.classes_),
        "#intercepts\t" + "\t".join(number(value) for value in classifier.intercept_),
        "#trained_on\t" + fingerprint(pairs),
    ]
    offset = 0
    for group, vectorizer in (("word", words), ("letter", letters)):
        for gram, column in sorted(vectorizer.vocabulary_.items()):
            weights = classifier.coef_[:, offset + column]
            idf = vectorizer.idf_[column]
            values = "\t".join(number(value) for value in (idf, *weights))
            lines.append(f"{group}\t{gram}\t{values}")
        offset += len(vectorizer.vocabulary_)
    return "\n".join(lines) + "\n"


def main() -> int:
    pairs = all_training_pairs()
    text = model_text(pairs)
    parse(text)  # what the portal will read
    target = Path(__file__).resolve().parent / "data" / MODEL_FILE
    target.write_text(text, encoding="utf-8")
    print(f"{target}: {len(pairs)} phrasings, {text.count(chr(10)) - 3} features")
    return 0


if __name__ == "__main__":
    sys.exit(main())
