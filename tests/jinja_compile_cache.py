"""Jinja's compile step, remembered for the whole test run.

Every bake makes a new Jinja environment, which compiles the template's
files and names again: about a third of an in-process bake, the same work
hundreds of times over. Jinja's compile is a pure function of the source
and of what `_syntax` lists about the environment; its result is a code
object, which nothing changes. So a test run compiles each source once per
such environment and shares the code object, and every render still runs
through the environment that asked, with its own filters, globals and
sandbox.

Only the test process uses this: a user generates once, and a hook or CLI
subprocess of a test compiles as it always does.
"""

from __future__ import annotations

from jinja2 import Environment

_compiled: dict = {}
_compile = Environment.compile


def _syntax(environment: Environment) -> tuple:
    """What, besides the source, decides the code Jinja generates: the
    lexer's and parser's options; whether the environment is sandboxed
    (then every call goes through environment.call, compiler.py visit_Call,
    and intercepted operators are not folded); and the filters and tests
    themselves, which the optimizer may call on constants at compile time
    (nodes.py, _FilterTestCommon.as_const), each known by its code:
    cookiecutter's extensions define theirs anew for every environment, as
    closures of one function."""
    return (
        environment.block_start_string, environment.block_end_string,
        environment.variable_start_string, environment.variable_end_string,
        environment.comment_start_string, environment.comment_end_string,
        environment.line_statement_prefix, environment.line_comment_prefix,
        environment.trim_blocks, environment.lstrip_blocks, environment.newline_sequence,
        environment.keep_trailing_newline, tuple(sorted(environment.extensions)),
        environment.optimized, environment.autoescape, environment.finalize,
        environment.is_async, environment.code_generator_class,
        environment.sandboxed, frozenset(getattr(environment, "intercepted_binops", ())),
        frozenset(getattr(environment, "intercepted_unops", ())),
        _functions(environment.filters), _functions(environment.tests),
    )


def _functions(table: dict) -> tuple:
    return tuple(sorted((name, getattr(function, "__code__", function)) for name, function in table.items()))


def _remembered_compile(self, source, name=None, filename=None, raw=False, defer_init=False):
    if not isinstance(source, str):  # a parsed node tree: not worth a key
        return _compile(self, source, name, filename, raw, defer_init)
    key = (source, name, filename, raw, defer_init, _syntax(self))
    if key not in _compiled:
        _compiled[key] = _compile(self, source, name, filename, raw, defer_init)
    return _compiled[key]


def install() -> None:
    Environment.compile = _remembered_compile
