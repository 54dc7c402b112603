"""Bytes to text: UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is an error."""

from __future__ import annotations

import codecs

from factcheck.load.errors import LoadError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, path: str) -> str:
    """Decode a document, refusing binary data and invalid UTF-8 with the position of the fault."""
    encoding = "utf-8"
    for bom, enc in _BOMS:
        if data.startswith(bom):
            encoding = enc
            break
    if encoding == "utf-8" and (nul := data.find(b"\x00")) >= 0:  # anywhere in the file, not only its start
        line = data.count(b"\n", 0, nul) + 1
        col = nul - (data.rfind(b"\n", 0, nul) + 1) + 1
        raise LoadError(path, "binary data (NUL bytes): not a text document", line, col)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError(path, f"not valid {encoding.upper()}: byte 0x{data[exc.start]:02x}", line, col) from None
    if "\x00" in text:  # UTF-16 with a BOM: NUL bytes are normal, NUL characters are not
        nul = text.index("\x00")
        raise LoadError(path, "binary data (NUL characters): not a text document",
                        text.count("\n", 0, nul) + 1, nul - (text.rfind("\n", 0, nul) + 1) + 1)
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
