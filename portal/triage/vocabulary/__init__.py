"""Hand-kept triage vocabulary in German and English, one module per family of words: the
phrases the matcher looks for in a .toml beside each module (read by phrases.py), the folded
words and reaches the rules compare with in the module itself."""

# Terms are written as people type them; the matcher folds umlauts and case itself. A word of
# four or more letters also matches longer words that start with it ("Drucker" -> "Druckers",
# "Druckerproblem"), a word of five or more also as a later part of a compound
# ("Netzwerkausfall", "Stromausfall"), a word of four at its end ("Firmenlogo"). Short or
# ambiguous words are in EXACT_WORDS. Typos one letter off are matched for words of five or
# more letters, except negations and scope words, and never for the COMMON_WORDS.
