"""What is wrong: words for down, degraded and faulty, and for outages said in other ways."""

# fmt: off
DOWN = "down"
DEGRADED = "degraded"
FAULT = "fault"

STATE_TERMS = {
    DOWN: (
        "ausgefallen", "Ausfall", "Ausfälle", "fällt aus", "fiel aus", "ausfallen", "Totalausfall",
        "Komplettausfall", "down", "offline", "tot", "weg", "kaputt", "defekt", "abgestürzt",
        "stürzt ab", "stürzt", "abstürzen", "Absturz", "streikt", "streiken", "gestorben",
        "verabschiedet", "abgeraucht", "abgeschmiert", "schmiert ab", "hinüber", "im Eimer",
        "futsch", "schwarz", "dunkel", "Bluescreen", "Blue Screen", "unerreichbar", "Stillstand",
        "steht still", "stehen still", "lahmgelegt", "geht aus", "kein Bild", "kein Ton",
        "kein Signal", "kein Empfang", "kein Strom", "lost access", "crashed", "crash", "crashes",
        "crashing", "outage", "dead", "broken", "unreachable", "failed", "failure", "died", "gone",
        "stopped working", "no signal", "out of order", "no dial tone", "dial tone",
        "lost connection", "no connection", "not responding", "abgekackt", "keine Rückmeldung",
        "Virus", "Viren", "Trojaner", "Malware", "gesperrt", "locked out", "not loading",
        "wont load", "is out", "are out", "went out", "went down", "goes down", "not available",
        "unavailable", "lost", "verloren", "donw", "dwon", "dowm", "unmöglich", "im Postausgang",
        "kein möglich", "stumm",
        "Postausgang", "outbox", "stuck", "Zeitüberschreitung", "Timeout", "timed out",
        "connection refused", "service unavailable", "keine Reaktion", "macht keinen Mucks",
        "stromlos", "brennt", "raucht", "qualmt", "Rauch", "smoke", "smoking", "burning",
        "Wasserschaden", "überschwemmt", "flooded", "Blitzeinschlag", "Überspannung", "no service",
        "kein Dienst", "keinen Dienst", "silence", "Stille", "impossible", "nicht möglich",
        "not possible", "kein Arbeiten", "aufgehängt", "hängt komplett", "komplett aufgehängt",
        "hängt total", "completely frozen", "totally frozen", "unbenutzbar", "unbrauchbar",
        "nicht nutzbar", "nicht benutzbar", "unusable", "not usable", "behindert", "hindered",
        "rausgeflogen", "rausgeworfen", "kicked out", "getrennt", "kommen zurück", "kommt zurück",
        "zurückgewiesen", "abgewiesen", "unzustellbar", "Unzustellbarkeit", "bounce", "bounces",
        "bounced", "bouncing", "rejected", "rejects", "refused", "refuses", "undeliverable",
        "blockiert", "blocked", "Blacklist", "blacklisted", "Sperrliste", "access denied",
        "Zugriff verweigert", "lehnt ab", "lehnen ab", "abgelehnt", "rejecting", "reject",
        "not found", "nicht gefunden", "fehlgeschlagen",
        "stopped", "gestoppt", "fail", "fails", "dropped", "are off", "turned off",
        "switched off", "powered off", "toast", "bricked", "Grätsche", "im Arsch", "verreckt",
        "abgekratzt", "Geist aufgegeben", "gave up the ghost", "went dark",
        "Reparaturschleife", "Bootschleife", "Neustartschleife", "boot loop", "restart loop",
        "reboot loop", "kein Freizeichen", "keinem Freizeichen", "weiße Seite", "weißen Seite",
        "leere Seite", "white page", "blank page", "white screen",
        # a client that only waits for its server: "Verbindung zum Server wird hergestellt"
        "wird hergestellt", "Verbindung wird gesucht", "versucht zu verbinden", "trying to connect",
        "keeps trying to connect", "waiting for server", "Warten auf Server",
        # a password asked for again and again and refused: nobody gets in
        "nicht angenommen", "nehmen es nicht an", "nimmt es nicht an", "nimmt ihn nicht an",
        "not accepted", "wont accept it", "doesnt accept it",
        # clients that no longer find their server, and mail that no longer flows
        "finden den Server nicht", "findet den Server nicht", "finden keinen Server",
        "findet keinen Server", "cant find the server", "cannot find the server",
        "Mailfluss steht", "Mailfluss gestoppt", "Mailfluss unterbrochen", "mail flow stopped",
        "mail flow has stopped", "mail flow is down", "staut sich", "stauen sich",
        "stuck in the queue", "stuck in queue",
        # a store taken offline or a machine that never stays up: "Datenbank ausgehängt",
        # "startet ständig neu", "reboots in a loop", and the users thrown out again and again
        "ausgehängt", "nicht eingehängt", "nicht gemountet", "dismounted", "unmounted",
        "not mounted", "startet ständig neu", "startet dauernd neu", "startet immer wieder neu",
        "startet andauernd neu", "bootet ständig neu", "bootet dauernd neu",
        "reboots in a loop", "restarts in a loop", "rebooting in a loop", "keeps rebooting",
        "keeps restarting", "reboots constantly", "restarts constantly", "constantly rebooting",
        "fliegen raus", "fliegt raus", "fliegen alle raus", "fliegen ständig raus",
        "fliegen dauernd raus", "get kicked out", "gets kicked out", "keep getting kicked out",
    ),
    DEGRADED: (
        "langsam", "langsamer", "verlangsamt", "hängt", "hängen", "hängend", "hing", "träge",
        "ruckelt", "ruckeln", "stockt", "stocken", "zäh", "lahm", "schleppend", "kriecht",
        "Schneckentempo", "dauert ewig", "dauert lange", "dauert Minuten", "dauert Stunden", "ewig",
        "Ewigkeiten", "flackert", "flackern", "flimmert", "flimmern", "friert ein", "frieren ein",
        "eingefroren", "einfrieren", "einfriert", "Verzögerung", "verzögert", "bricht ab",
        "brechen ab", "bricht zusammen", "Aussetzer", "setzt aus", "rauscht", "Rauschen", "knackt",
        "instabil", "Wackelkontakt", "streifig", "Streifen", "nur noch", "Antwortzeiten",
        "Ladezeiten", "Performance", "slow", "slower", "sluggish", "laggy", "lagging", "freezes",
        "freezing", "frozen", "hangs", "hanging", "flicker", "flickers", "flickering", "unstable",
        "keeps dropping", "drops", "takes forever", "forever", "choppy", "sehr lange", "ewig lange",
        "zu lange", "ziemlich lange", "so lange", "takes long", "takes ages", "too long", "ages",
        "geht in die Knie", "Kriechtempo", "blass", "verschmiert", "Schlieren", "pale", "smudged",
        "smeared", "disconnecting", "disconnects", "keeps disconnecting", "super slow", "very slow",
        "Verspätung", "verspätet", "delayed", "delay", "takes about", "takes around", "dauert etwa",
        "crawling", "crawls", "schleicht", "snail", "schwach", "weak",
        "dauert ca", "echo", "Echo",
        # a call that breaks up, mail that comes late, a picture in stripes: impaired
        "abgehackt", "zerhackt", "stottert", "breaks up", "breaking up", "robotic",
        "minutes late", "hours late", "arrive late", "arrives late", "comes late", "come late",
        "kommen zu spät", "kommt zu spät", "Minuten zu spät", "Minuten später", "stripes",
        "streaks", "streaky", "lines across",
        # a search that finds nothing: a function of the system impaired
        "findet nichts", "findet nichts mehr", "findet nix", "findet nix mehr", "finds nothing",
        "keine Treffer", "no results", "braucht lange", "brauchen lange", "ungewöhnlich lange",
        "unusually long",
    ),
    FAULT: (
        "fehlt Berechtigung", "fehlen Berechtigungen", "fehlende Berechtigung", "fehlen Rechte",
        "fehlende Rechte", "fehlt Zugriff", "missing permission", "missing permissions",
        "Störung", "Störungen", "gestört", "stört", "Fehler", "Fehlermeldung", "Problem",
        "Probleme", "spinnt", "spinnen", "komisch", "seltsam", "merkwürdig", "piept", "piepst",
        "Papierstau", "falsch", "falsche", "falschen", "falscher", "blinkt", "verschwunden",
        "error", "errors",
        "issue", "issues", "problem", "problems", "jammed", "jam", "glitch", "weird", "strange",
        "beeps", "beeping", "wrong", "zickt", "Mucken", "startet neu", "bootet neu", "verweigert",
        "abgelaufen", "acting up", "Datenbankfehler", "schlecht", "schlechte", "poor", "bad",
        "Displayfehler", "durcheinander", "schief", "verzogen", "crooked", "skewed",
        "verschoben", "versetzt", "misaligned", "abgeschnitten", "cut off",
        # data lost by a slip: to be restored, not a wish to delete
        "versehentlich gelöscht", "aus Versehen gelöscht", "ausversehen gelöscht",
        "accidentally deleted", "deleted by accident", "deleted by mistake",
        "versehentlich überschrieben", "accidentally overwritten",
        # a log-in prompt that keeps coming back
        "fragt ständig nach", "fragen ständig nach", "fragt dauernd nach", "fragen dauernd nach",
        "fragt immer wieder nach", "fragen immer wieder nach", "keeps asking for",
        "keep asking for", "asks again and again", "ständig nach dem Passwort",
        "ständig nach dem Kennwort", "dauernd nach dem Passwort", "dauernd nach dem Kennwort",
        "immer wieder nach dem Passwort", "immer wieder nach dem Kennwort",
        "keeps asking for the password", "keeps prompting for",
        # a worn part to replace while the device runs on: "USV: Batterie defekt"
        "Batterie defekt", "Batterien defekt", "Akku defekt", "Batterie schwach", "battery failed",
        "battery faulty", "replace battery", "replace the battery", "Lüfter defekt", "fan failed",
    ),
}

# Faults that say nothing of what is wrong: a slowness or freeze named beside them says it.
VAGUE_FAULTS = frozenset({
    "problem", "probleme", "problems", "issue", "issues", "stoerung", "stoerungen", "trouble",
})

# Everything stopped, whatever else is named: "nichts geht", "Produktion steht", ransomware.
NOTHING_WORKS = (
    "nichts geht", "geht nichts", "nichts funktioniert", "funktioniert nichts", "nix geht",
    "geht nix", "nichts läuft", "läuft nichts", "alles down", "alles aus", "alles tot",
    "alles weg", "alles ausgefallen", "alles steht", "Stillstand", "niemand kann arbeiten",
    "keiner kann arbeiten", "Produktion steht", "Betrieb steht", "Fertigung steht",
    "Ransomware", "Verschlüsselungstrojaner", "Hackerangriff", "Cyberangriff", "gehackt",
    "Dateien verschlüsselt", "alles verschlüsselt", "nothing works", "nothing is working",
    "IT steht", "EDV steht", "komplette IT", "gesamte IT", "ganze IT", "alles steht still",
    "nothing working", "everything is down", "everything down", "hacked", "encrypted",
    "Büro steht", "Praxis steht", "Lager steht", "Laden steht", "Firma steht", "Kanzlei steht",
    "Werkstatt steht", "Werk steht", "Halle steht", "Filiale steht",
    # A department or team at a standstill: "Versand steht komplett", "the team is standing".
    "Versand steht", "Verwaltung steht", "Vertrieb steht", "Buchhaltung steht",
    "Abteilung steht", "Team steht", "Empfang steht", "Logistik steht", "is standing",
    "are standing", "standing still", "at a standstill", "standstill",
)

# The words of those that may be one device's ("der Drucker macht nix mehr"); a standstill of a
# team or a place is its people's, whatever device it names.
NOTHING_WORDS = frozenset({"nichts", "nix", "nothing", "alles", "everything"})

# "steht auf offline", "steht im Display": where it stands or what it shows.
STANDS_AT = frozenset({"auf", "bei", "im", "in", "an", "am", "da", "drin", "unter", "neben"})
# "steht noch ein alter PC rum": standing around, idle.
IDLE_WORDS = frozenset({"rum", "herum", "umher"})
IDLE_REACH = 7

# Of those, the ones that say nothing about what or whose: alone, they are a question to ask.
VAGUE_NOTHING_WORKS = (
    "nichts geht", "geht nichts", "nix geht", "geht nix", "nichts funktioniert",
    "funktioniert nichts", "nichts läuft", "läuft nichts", "nothing works", "nothing is working",
    "nothing working",
)

# "Nothing" that may be one device's ("druckt gar nichts mehr"): counts only alone.
NOTHING_MORE = (
    "gar nichts", "überhaupt nichts", "nichts mehr", "nix mehr", "Totalausfall",
    "Komplettausfall", "stehen still", "nicht arbeiten", "kann nicht arbeiten", "cant work",
    "cannot work",
    "keiner mehr arbeiten", "niemand mehr arbeiten", "keiner arbeiten", "niemand arbeiten",
    "nobody can work", "no one can work", "none of us can work",
)

# Words that name everything at once; only used when no component is named.
EVERYTHING_TERMS = (
    "alles", "everything", "all systems", "alle Systeme", "Produktion", "Betrieb", "Fertigung",
)

# An impairment said to be total is an outage: "bricht komplett zusammen".
INTENSIFIERS = frozenset({"komplett", "vollstaendig", "gaenzlich", "completely", "entirely"})
# A freeze, which for the whole company is a standstill.
FREEZE_WORDS = frozenset({
    "haengt", "haengen", "eingefroren", "friert", "frieren", "einfriert", "frozen", "freezes",
    "freezing", "hangs", "hanging", "stockt", "stocken",
})

# "manchmal nicht erreichbar" is a degradation, not an outage.
INTERMITTENT = (
    "manchmal", "ab und zu", "zeitweise", "zeitweilig", "sporadisch", "gelegentlich",
    "hin und wieder", "teilweise", "immer wieder", "sometimes", "occasionally", "intermittent",
    "intermittently", "now and then", "from time to time",
    # A frequency or a short spell: "alle paar Stunden", "alle 10 min", "several times a day",
    # "für ein paar Sekunden" (numbers are no words: "alle 10 Minuten" reads "alle Minuten").
    "alle paar", "alle Minuten", "alle min", "alle Stunden", "alle Sekunden", "every few",
    "every minutes", "every hours", "mehrmals", "several times", "times a day", "mal am Tag",
    "mal täglich", "paar Sekunden", "few seconds", "kurzzeitig", "briefly", "für eine Minute",
    "for a minute",
)

# "ausgefallen ist aber nichts", "still usable": the speaker says it is not down.
NOT_DOWN_TERMS = (
    "ausgefallen ist nichts", "ausgefallen ist aber nichts", "ausgefallen ist aber nix",
    "ausgefallen ist nix", "nicht ausgefallen", "still usable", "not down",
    "run normal", "runs normal", "run normally", "runs normally", "running normally",
    "laufen normal", "läuft normal", "all systems up", "alle Systeme laufen", "can still work",
    "everybody can work", "everyone can work", "alle können arbeiten", "können weiterarbeiten",
    "runs fine", "calls go through", "gehen durch", "outgoing works", "outgoing calls work",
    "incoming works", "ausgehend geht", "ausgehend funktioniert", "ausgehende Anrufe gehen",
    "eingehend geht",
    # ... or it is back: a past outage is for the cause to be found, not an emergency.
    "geht wieder", "läuft wieder", "funktioniert wieder", "ist wieder da", "wieder online",
    "wieder erreichbar", "back now", "back up", "is back", "its back", "works again",
    "working again", "back online",
    # ... or it carries on: "danach läuft es weiter", "nervig, aber man kann arbeiten".
    "läuft weiter", "läuft es weiter", "laufen weiter", "geht weiter", "geht es weiter",
    "man kann arbeiten", "kann man arbeiten", "wir können arbeiten", "carries on", "continues",
    "funktioniert grundsätzlich", "grundsätzlich funktioniert", "works in principle",
    "basically works", "läuft alles normal", "geht alles normal",
    # ... or there is a way round it: "per Kabel geht's", "booking works though".
    "per Kabel geht", "per Kabel gehts", "mit Kabel geht", "mit Kabel gehts", "über Kabel geht",
    "per Kabel funktioniert", "mit Kabel funktioniert", "with a cable it works",
    "works with a cable", "wired works", "geht aber", "funktioniert aber", "läuft aber",
    "works though", "but works", "per Kabel", "mit Kabel", "über Kabel", "per LAN", "via cable",
    "with a cable",
)
# A job that failed ("Backup fehlgeschlagen", "sync failed"): its system still serves everyone,
# so it is a fault to fix, not an outage.
JOB_TERMS = (
    "Backup", "Backups", "Backup-Job", "backup job", "Sicherung", "Sicherungen", "Datensicherung",
    "Sicherungsauftrag", "Sicherungsjob", "Nachtsicherung", "Replikation", "replication", "Sync",
    "Synchronisation", "Synchronisierung", "Aufgabe", "Task", "Job",
)
JOB_FAILED_WORDS = frozenset({
    "fehlgeschlagen", "failed", "fail", "fails", "failure", "abgebrochen", "gescheitert",
})
# A matter told as settled: it works again ("Outlook geht wieder") ...
BACK_AGAIN_TERMS = (
    "geht wieder", "gehts wieder", "läuft wieder", "funktioniert wieder", "druckt wieder",
    "wieder alles ok", "wieder alles gut", "alles wieder ok", "alles wieder gut", "wieder ok",
    "wieder in Ordnung", "hat sich erledigt", "ist erledigt", "works again", "working again",
    "is fixed", "are fixed", "was fixed", "fixed now", "is resolved", "was resolved",
    "back to normal", "everythings working", "everything is working", "everything works",
    "never mind", "nevermind", "wieder geht", "wieder läuft", "wieder funktioniert",
    "wieder druckt",
)
# ... which, told only for the record, asks for nothing ("nur zur Info", "never mind"); without
# such a word a past outage is for its cause to be found: Normal.
FOR_THE_RECORD_TERMS = (
    "nur zur Info", "zur Info", "zur Kenntnis", "nur so", "fyi", "just so you know",
    "for your information", "never mind", "nevermind", "egal", "sorry", "danke", "thanks",
    "kein Handlungsbedarf", "no action needed",
)
# ... or a check went well: "Sicherung erfolgreich, keine Fehler" reports no fault.
SUCCESS_TERMS = (
    "erfolgreich", "successfully", "successful", "keine Fehler", "ohne Fehler", "no errors",
    "without errors",
)
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
