"""The concepts a text is read for, and the lexicon that finds their words in it."""

from functools import cache

from portal.triage.matcher import Lexicon
from portal.triage.vocabulary import (
    components,
    low_matters,
    matching,
    negation,
    scope,
    security,
    states,
)

COMPONENT = "component"
STATE = "state"
VERB = "verb"
NEGATION = "negation"
DETERMINER = "determiner"
SUBORDINATOR = "subordinator"
NOTHING_WORKS = "nothing_works"
NOTHING_MORE = "nothing_more"
EVERYTHING_NAMED = "everything"
SCOPE = "scope"
NOT_ONLY = "not_only"
IDIOM = "idiom"
INTERMITTENT = "intermittent"
REQUEST = "request"
COSMETIC = "cosmetic"
EXPLICIT_LOW = "explicit_low"
RELAXED = "relaxed"
SECURITY = "security"
SECURITY_TOOL = "security_tool"
PHISHING_CLICKED = "phishing_clicked"
PHISHING_CREDENTIALS = "phishing_credentials"
SPAM = "spam"
SENDING = "sending"
FILES = "files"
RENAMED = "renamed"
NOT_CLICKED = "not_clicked"
NOT_DOWN = "not_down"
VAGUE_NOTHING = "vague_nothing"
REPORT = "report"
TROUBLE = "trouble"
SECURITY_ALERT = "security_alert"
PERMISSION = "permission"
FOREIGN = "foreign"
SOMEONE = "someone"
OWN_ACCOUNT = "own_account"
TOOL_CHORE = "tool_chore"
CLOSING = "closing"
SALUTATION = "salutation"
PLAIN = "plain"
FORWARDING = "forwarding"
NOT_OURS = "not_ours"
EXTERNAL = "external"
SETUP_WISH = "setup_wish"
REMOTE_TOOL = "remote_tool"
CALLER = "caller"
STRANGER_SENDER = "stranger_sender"
OPENED = "opened"
NO_FAULT = "no_fault"
BACK_AGAIN = "back_again"
JOB = "job"
FOR_THE_RECORD = "for_the_record"
SUCCESS = "success"
IMPERSONATION = "impersonation"
LET_IN = "let_in"
HUNG_UP = "hung_up"
MFA_PROMPT = "mfa_prompt"
MFA_ANSWERED = "mfa_answered"
LOST = "lost"
PORTABLE = "portable"
DATA_AT_RISK = "data_at_risk"
MACROS = "macros"
ENABLE = "enable"
EXECUTABLE = "executable"
ATTACHMENT = "attachment"
STICK = "stick"
CURSOR = "cursor"
MOVES = "moves"
BY_ITSELF = "by_itself"
FOUND = "found"
PLUGGED = "plugged"
SLIP = "slip"
PLAN_TOPIC = "plan_topic"
PAST_EVENT = "past_event"
AFTERMATH = "aftermath"
JOKE = "joke"

# Evidence that the matter is low. Anything else (fillers, greetings, question words, urgency)
# is no evidence at all: such a text is Normal and not confident, never Niedrig.
LOW_EVIDENCE = (REQUEST, COSMETIC, EXPLICIT_LOW, RELAXED, NOT_CLICKED, HUNG_UP, BACK_AGAIN, SUCCESS)
LOW_EVIDENCE += (PLAN_TOPIC,)
NOT_ONLY_TERMS = (
    "nicht nur",
    "nicht bloß",
    "not only",
    "not just",
    # asking whether it is only oneself says nothing of one: "is it just me or is nothing working?"
    "is it just me",
    "is it only me",
    "just me or",
    "only me or",
    "nur bei mir oder",
    "nur ich oder",
    "liegt das an mir",
    "liegt es an mir",
    "bin das nur ich",
)


def _vocabulary_entries():
    for kind, terms in components.COMPONENT_TERMS.items():
        yield from ((COMPONENT, kind, term) for term in terms)
    yield from ((COMPONENT, components.LOW_TOPIC, term) for term in low_matters.LOW_TOPIC_TERMS)
    for state, terms in states.STATE_TERMS.items():
        yield from ((STATE, state, term) for term in terms)
    for who, terms in scope.SCOPE_TERMS.items():
        yield from ((SCOPE, who, term) for term in terms)
    simple = (
        (VERB, negation.FUNCTION_VERBS),
        (NEGATION, negation.NEGATIONS),
        (DETERMINER, negation.NEGATING_DETERMINERS),
        (SUBORDINATOR, negation.SUBORDINATORS),
        (REPORT, negation.REPORT_TERMS),
        (TROUBLE, low_matters.TROUBLE_QUESTIONS),
        (SECURITY_ALERT, security.SECURITY_ALERT_TERMS),
        (PERMISSION, scope.PERMISSION_TERMS),
        (FOREIGN, security.FOREIGN_TERMS),
        (SOMEONE, security.SOMEONE_TERMS),
        (OWN_ACCOUNT, security.OWN_ACCOUNT_TERMS),
        (TOOL_CHORE, security.SECURITY_TOOL_CHORES),
        (CLOSING, matching.CLOSINGS),
        (SALUTATION, matching.SALUTATIONS),
        (NOTHING_WORKS, states.NOTHING_WORKS),
        (VAGUE_NOTHING, states.VAGUE_NOTHING_WORKS),
        (NOTHING_MORE, states.NOTHING_MORE),
        (EVERYTHING_NAMED, states.EVERYTHING_TERMS),
        (NOT_ONLY, NOT_ONLY_TERMS),
        (IDIOM, negation.IDIOMS),
        (INTERMITTENT, states.INTERMITTENT),
        (REQUEST, low_matters.REQUEST_TERMS),
        (REQUEST, low_matters.SETTING_WISHES),
        (COSMETIC, low_matters.COSMETIC_TERMS),
        (EXPLICIT_LOW, low_matters.EXPLICIT_LOW_TERMS),
        (RELAXED, low_matters.RELAXED_TERMS),
        (SECURITY, security.SECURITY_TERMS),
        (SECURITY_TOOL, security.SECURITY_TOOL_TERMS),
        (PHISHING_CLICKED, security.PHISHING_CLICKED),
        (PHISHING_CREDENTIALS, security.PHISHING_GAVE_CREDENTIALS),
        (SPAM, security.SPAM_TERMS),
        (SENDING, security.SENDING_TERMS),
        (FILES, security.FILE_TERMS),
        (RENAMED, security.RENAMED_TERMS),
        (NOT_CLICKED, security.NOT_CLICKED_TERMS),
        (NO_FAULT, low_matters.NO_FAULT_TERMS),
        (FORWARDING, security.FORWARDING_TERMS),
        (NOT_OURS, security.NOT_OURS_TERMS),
        (EXTERNAL, security.EXTERNAL_TERMS),
        (SETUP_WISH, security.SETUP_WISH_TERMS),
        (REMOTE_TOOL, security.REMOTE_TOOL_TERMS),
        (CALLER, security.CALLER_TERMS),
        (STRANGER_SENDER, security.STRANGER_SENDER_TERMS),
        (OPENED, security.OPENED_TERMS),
        (IMPERSONATION, security.IMPERSONATION_TERMS),
        (LET_IN, security.LET_IN_TERMS),
        (HUNG_UP, security.HUNG_UP_TERMS),
        (MFA_PROMPT, security.MFA_PROMPT_TERMS),
        (MFA_ANSWERED, security.MFA_ANSWERED_TERMS),
        (LOST, security.LOST_TERMS),
        (PORTABLE, security.PORTABLE_TERMS),
        (DATA_AT_RISK, security.DATA_AT_RISK_TERMS),
        (MACROS, security.MACRO_TERMS),
        (ENABLE, security.ENABLE_TERMS),
        (EXECUTABLE, security.EXECUTABLE_TERMS),
        (ATTACHMENT, security.ATTACHMENT_TERMS),
        (STICK, security.STICK_TERMS),
        (CURSOR, security.CURSOR_TERMS),
        (MOVES, security.MOVES_TERMS),
        (BY_ITSELF, security.BY_ITSELF_TERMS),
        (FOUND, security.FOUND_TERMS),
        (PLUGGED, security.PLUGGED_TERMS),
        (SLIP, security.SLIP_TERMS),
        (AFTERMATH, security.AFTERMATH_TERMS),
        (PLAN_TOPIC, low_matters.PLAN_TOPIC_TERMS),
        (PAST_EVENT, low_matters.PAST_EVENT_TERMS),
        (JOKE, low_matters.JOKE_TERMS),
        (NOT_DOWN, states.NOT_DOWN_TERMS),
        (BACK_AGAIN, states.BACK_AGAIN_TERMS),
        (JOB, states.JOB_TERMS),
        (FOR_THE_RECORD, states.FOR_THE_RECORD_TERMS),
        (SUCCESS, states.SUCCESS_TERMS),
        (PLAIN, matching.PLAIN_WORDS),
    )
    for concept, terms in simple:
        yield from ((concept, concept, term) for term in terms)


@cache
def lexicon() -> Lexicon:
    """Built on first use (about half a second with its fuzzy index), not when the app or a CLI
    starts."""
    return Lexicon(
        _vocabulary_entries(),
        exact_words=matching.EXACT_WORDS,
        common_words=matching.COMMON_WORDS,
        unfuzzy_concepts=frozenset(
            {NEGATION, DETERMINER, SUBORDINATOR, SCOPE, NOT_ONLY, IDIOM, SENDING, RENAMED, FILES}
            | {SOMEONE, OWN_ACCOUNT, NOT_OURS, EXTERNAL, SETUP_WISH, CALLER, OPENED}
            | {RELAXED, NOT_CLICKED, NOT_DOWN, PLAIN, NO_FAULT}
            | {IMPERSONATION, LET_IN, HUNG_UP, MFA_ANSWERED, LOST, DATA_AT_RISK, ENABLE}
            | {
                EXECUTABLE,
                ATTACHMENT,
                BACK_AGAIN,
                FOR_THE_RECORD,
                SUCCESS,
                STICK,
                MOVES,
                BY_ITSELF,
                FOUND,
                PLUGGED,
                SLIP,
                AFTERMATH,
                JOKE,
                PLAN_TOPIC,
                PAST_EVENT,
            }
            | {CLOSING}  # "Herr Groß" is no "Gruß" that ends the text
        ),
    )
