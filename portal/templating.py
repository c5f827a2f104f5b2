"""The portal's Jinja environment: Flask's own, with a cheaper escape for what a page writes.

A template compiles each ``{{ value }}`` to ``escape(value)``, and markupsafe's escape wraps
every result in a new Markup (a constructor in Python) that is joined into the page's one
string right after: a queue page writes 700 values, 14 % of its time. Here an autoescaped
``{{ … }}`` compiles to ``environment.escape_output(value)``: the same text as a plain str.
Everything else (macros, ``{% set %}`` blocks, ``|safe``, ``Markup`` in Python) is Jinja's
own. tests/test_templating.py fails if a Jinja or markupsafe upgrade moves what this uses.

A template calls each function (``_()``, ``url_for()``, ``csrf_token()``) through its
context's ``call``, which asks the function, and the function's ``__call__``, whether it
wants the context or the environment passed, and then pops two keywords: ~0.7 µs a call, a
hundred calls a page. The portal's context (PortalContext) calls a plain function or method
that wants nothing, or only the context outside a loop or block that adds variables,
straight away; everything else goes through Jinja's own ``call``.
"""

from __future__ import annotations

import types

from flask.templating import Environment
from jinja2 import pass_context
from jinja2.compiler import CodeGenerator
from jinja2.runtime import Context
from markupsafe import Markup, _escape_inner


def escape_output(value) -> str:
    """markupsafe.escape(value) as a str: the same characters, without the Markup wrapper."""
    kind = type(value)
    if kind is str:
        return _escape_inner(value)
    if kind is Markup:  # safe already: escape() would copy it unchanged
        return value
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return _escape_inner(str(value))


class _PortalCodeGenerator(CodeGenerator):
    def _output_child_pre(self, node, frame, finalize) -> None:
        # only where Jinja would write escape(: not in templates that switch autoescape
        # at render time ({% autoescape %} blocks), which keep Jinja's own code
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape:
            super()._output_child_pre(node, frame, finalize)
            return
        self.write("environment.escape_output(")  # a compiled template's module global
        if finalize.src is not None:
            self.write(finalize.src)


# Functions and methods whose wish for the context Jinja reads from their own attribute (a
# class instance with __call__ is asked through that method: Jinja's own call decides).
_PLAIN_CALLABLES = frozenset((types.FunctionType, types.MethodType, types.BuiltinFunctionType))
# The mark @pass_context leaves on a function (the attribute Jinja's call reads), taken from
# the decorator itself rather than from Jinja's private enum.
_PASS_ARG = "jinja_pass_arg"
_WANTS_CONTEXT = getattr(pass_context(lambda context: None), _PASS_ARG)


class PortalContext(Context):
    """Jinja's template context, with a shorter way for the common calls (see above)."""

    def call(__self, __obj, *args, **kwargs):  # noqa: N805 - Jinja's own signature
        if type(__obj) in _PLAIN_CALLABLES:
            wants = getattr(__obj, _PASS_ARG, None)
            if wants is None or (
                wants is _WANTS_CONTEXT
                and not kwargs.get("_loop_vars")
                and not kwargs.get("_block_vars")
            ):
                kwargs.pop("_block_vars", None)
                kwargs.pop("_loop_vars", None)
                if wants is not None:
                    args = (__self, *args)
                try:
                    return __obj(*args, **kwargs)
                except StopIteration:
                    return __self.environment.undefined(
                        "value was undefined because a callable raised a StopIteration exception"
                    )
        return super().call(__obj, *args, **kwargs)


class PortalEnvironment(Environment):
    """Flask's template environment (app.jinja_environment) with the escape above, and each
    template's globals in one plain dict."""

    code_generator_class = _PortalCodeGenerator
    context_class = PortalContext
    escape_output = staticmethod(escape_output)

    def make_globals(self, d: dict | None) -> dict:
        """The environment's globals overlaid by the template's own, as Jinja's ChainMap
        gives them, but as a dict: each render copies a template's globals into its context
        and each {% import %} compares their keys, both in Python over a ChainMap (20 µs a
        template; a page renders a dozen). The environment's globals are all set while the
        app is made, before any template loads, as Jinja asks."""
        return {**self.globals, **(d or {})}
