"""What is wrong: words for down, degraded and faulty, and for outages said in other ways."""

from portal.triage.vocabulary import phrases

# fmt: off
DOWN = "down"
DEGRADED = "degraded"
FAULT = "fault"

# The words for each state (STATE_TERMS) and for outages, intermittence, jobs and settled
# matters said in other ways (NOTHING_WORKS, INTERMITTENT, BACK_AGAIN_TERMS, ...) are in
# states.toml.
globals().update(phrases.load("states"))

# Faults that say nothing of what is wrong: a slowness or freeze named beside them says it.
VAGUE_FAULTS = frozenset({
    "problem", "probleme", "problems", "issue", "issues", "stoerung", "stoerungen", "trouble",
})

# The words of NOTHING_WORKS that may be one device's ("der Drucker macht nix mehr"); a
# standstill of a team or a place is its people's, whatever device it names.
NOTHING_WORDS = frozenset({"nichts", "nix", "nothing", "alles", "everything"})

# "steht auf offline", "steht im Display": where it stands or what it shows.
STANDS_AT = frozenset({"auf", "bei", "im", "in", "an", "am", "da", "drin", "unter", "neben"})
# "steht noch ein alter PC rum": standing around, idle.
IDLE_WORDS = frozenset({"rum", "herum", "umher"})
IDLE_REACH = 7

# An impairment said to be total is an outage: "bricht komplett zusammen".
INTENSIFIERS = frozenset({"komplett", "vollstaendig", "gaenzlich", "completely", "entirely"})
# A crash, which befalls a program or a device, never a planned or cosmetic thing.
CRASH_WORDS = frozenset({
    "stuerzt", "abgestuerzt", "absturz", "abstuerzen", "crash", "crashes", "crashed", "crashing",
})
# A freeze, which for the whole company is a standstill.
FREEZE_WORDS = frozenset({
    "haengt", "haengen", "eingefroren", "friert", "frieren", "einfriert", "frozen", "freezes",
    "freezing", "hangs", "hanging", "stockt", "stocken",
})

# A job (JOB_TERMS) that failed: "Backup fehlgeschlagen", "sync failed".
JOB_FAILED_WORDS = frozenset({
    "fehlgeschlagen", "failed", "fail", "fails", "failure", "abgebrochen", "gescheitert",
})
# A fault told after one of these stays: "läuft wieder, aber der Drucker geht noch nicht".
CONTRAST_WORDS = frozenset({
    "aber", "doch", "jedoch", "allerdings", "noch", "trotzdem", "weiterhin", "but", "still",
    "however", "yet",
})
# "man kann kaum arbeiten", "we can barely work": no statement that work goes on.
HARDLY = frozenset({"kaum", "barely", "hardly", "scarcely"})
# "dauert 5 Minuten", "takes 3 minutes": a verb of taking time with a unit of time is slow.
DURATION_VERBS = frozenset({
    "dauert", "dauern", "dauerte", "dauerten", "braucht", "brauchen", "brauchte", "takes",
    "took", "take",
})
DURATION_UNITS = frozenset({
    "minuten", "minute", "min", "stunden", "stunde", "sekunden", "minutes", "mins", "hours",
    "hour", "seconds",
})
# fmt: on
