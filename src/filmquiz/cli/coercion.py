"""Hand typer the values click has already parsed, without pydantic.

typer 0.29 coerces every parameter through a pydantic ``TypeAdapter``, and
builds it (importing pydantic, 60 ms and more) even for a flag left out, whose
value is None. filmquiz's parameters need no more than click gives: text,
True, False or None, or what filmquiz's own parser makes of the text. So each
such parameter gets a coercion that calls the parser, if any, and nothing
else, and pydantic is never imported; a parameter of any other type (a
``Path``) keeps typer's own.

This reaches into typer's internals; if they change, :func:`take_as_parsed`
leaves parameters as typer made them, and filmquiz works as before, only
slower to start.
"""

from typing import Any

try:
    from typer._coercion import RuntimeParam
except ImportError:  # another typer: it coerces as it likes
    RuntimeParam = None  # type: ignore[assignment,misc]

_AS_PARSED = (bool, str, list[str])
"""Annotations (typer drops the ``| None``) whose values click already gives
as the command takes them; a whole number does when a parser made it."""


if RuntimeParam is not None:

    class _AsParsed(RuntimeParam):
        """The value as click parsed it, through the parameter's parser when
        it has one; a repeated option's values as a list."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            parse = self.parameter_info.parser
            if isinstance(value, (list, tuple)):
                return [parse(item) if parse else item for item in value]
            return parse(value) if parse else value


def take_as_parsed(params: list[Any]) -> list[Any]:
    """Give each parameter whose annotation needs no coercion the coercion
    that keeps click's value; return ``params``."""
    if RuntimeParam is None:
        return params
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if (
            descriptor is not None
            and getattr(param, "_runtime_param", False) is None
            and _needs_no_coercion(descriptor)
        ):
            param._runtime_param = _AsParsed(
                parameter_info=descriptor.parameter_info,
                annotation=descriptor.annotation,
            )
    return params


def _needs_no_coercion(descriptor: Any) -> bool:
    annotation = descriptor.annotation
    if annotation is int or annotation is float:
        return getattr(descriptor.parameter_info, "parser", None) is not None
    return any(annotation == plain for plain in _AS_PARSED)
