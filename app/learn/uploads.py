"""Evidence files of making projects: what a student may upload and how it is kept.

A file's type is decided by its content, never by its name or the browser's word: JPEG and PNG
by their signature and a full decode by Pillow, PDF by its header and end marker, STL by the
binary layout (84-byte header, 50 bytes per triangle) or the ASCII ``solid … endsolid`` form,
SVG by parsing it as XML whose root is ``<svg>``, refused when it has scripts, event handlers,
a DTD or any reference outside itself. Photos are re-encoded from their pixels (EXIF, GPS
position, comments and colour profiles are dropped; the orientation is applied first) and get a
320-pixel thumbnail. Files are written under random names in a folder outside the web root.
This module imports no Flask: the routes in ``app.learn.projects`` call it with the folder.
"""

from __future__ import annotations

import io
import os
import re
import secrets
import struct
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_FILES = 5
MAX_IMAGE_PIXELS = 40_000_000  # a 40-megapixel photo; beyond that a decompression bomb
THUMBNAIL_PIXELS = 320
FILE_TYPES = ("jpeg", "png", "stl", "svg", "pdf")
EXTENSIONS = {"jpeg": ".jpg", "png": ".png", "stl": ".stl", "svg": ".svg", "pdf": ".pdf"}
MIMETYPES = {"jpeg": "image/jpeg", "png": "image/png", "stl": "model/stl", "svg": "image/svg+xml",
             "pdf": "application/pdf"}
IMAGE_TYPES = ("jpeg", "png")
ACCEPT = ".jpg,.jpeg,.png,.stl,.svg,.pdf,image/jpeg,image/png,image/svg+xml,application/pdf,model/stl"

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# Elements that run code or pull in other documents: never allowed in a stored SVG.
SVG_FORBIDDEN = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "audio", "video"}
STORED_NAME = re.compile(r"^[0-9a-f]{32}(?:-thumb)?\.(?:jpg|png|stl|svg|pdf)$")


class UploadRejected(Exception):
    """A file refused; ``reason`` is one of: too_big, empty, unknown_type, bad_image, image_too_large,
    unsafe_svg, bad_svg."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class StoredFile:
    """A file written to the upload folder: its type, stored size and names."""

    file_type: str
    size: int
    storage_name: str
    thumbnail_name: str | None


def sniff(data: bytes) -> str | None:
    """The file type ``data`` really is (one of ``FILE_TYPES``), or None. Images are only
    recognised here by signature; ``prepare`` decodes them fully."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if b"%PDF-" in data[:1024] and b"%%EOF" in data[-2048:]:
        return "pdf"
    if _is_binary_stl(data) or _is_ascii_stl(data):
        return "stl"
    if _looks_like_svg(data):
        return "svg"
    return None


def _is_binary_stl(data: bytes) -> bool:
    if len(data) < 84:
        return False
    (triangles,) = struct.unpack_from("<I", data, 80)
    return triangles > 0 and len(data) == 84 + 50 * triangles


def _is_ascii_stl(data: bytes) -> bool:
    head = data[:512].lstrip().lower()
    if not head.startswith(b"solid"):
        return False
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        return False
    lowered = text.lower()
    return "facet normal" in lowered and "vertex" in lowered and "endsolid" in lowered[-512:]


def _looks_like_svg(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return (head.startswith(b"<?xml") or head.startswith(b"<svg") or head.startswith(b"<!--")
            or head.startswith(b"<!doctype")) and b"<svg" in data.lower()


def check_svg(data: bytes) -> None:
    """Refuse an SVG that could run code or fetch anything: entity declarations, a stylesheet
    instruction, forbidden elements, ``on…`` handlers, references that are not ``#id`` inside the
    file, ``javascript:`` anywhere, CSS ``@import`` or ``url()`` to outside. Raises ``UploadRejected``."""
    lowered = data.lower()
    doctype = re.search(rb"<!doctype[^>]*", lowered)
    # A plain DOCTYPE (as Illustrator writes) is harmless: expat never fetches it. An internal
    # subset can declare entities (billion laughs, external files): refused.
    if (doctype and b"[" in doctype.group(0)) or b"<!entity" in lowered or b"<?xml-stylesheet" in lowered:
        raise UploadRejected("unsafe_svg")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise UploadRejected("bad_svg") from exc
    if _local(root.tag) != "svg":
        raise UploadRejected("bad_svg")
    for element in root.iter():
        name = _local(element.tag).lower()
        if name in SVG_FORBIDDEN:
            raise UploadRejected("unsafe_svg")
        if name in {"set", "animate"} and element.get("attributeName", "").lower().endswith("href"):
            raise UploadRejected("unsafe_svg")
        texts = [element.text or ""]
        for attribute, value in element.attrib.items():
            local = _local(attribute).lower()
            if local.startswith("on"):
                raise UploadRejected("unsafe_svg")
            if (local == "href" or attribute == XLINK_HREF) and not value.strip().startswith("#"):
                raise UploadRejected("unsafe_svg")
            texts.append(value)
        for text in texts:
            if _unsafe_text(text):
                raise UploadRejected("unsafe_svg")


def _unsafe_text(text: str) -> bool:
    squashed = re.sub(r"\s+", "", text).lower()
    if "javascript:" in squashed or "@import" in squashed:
        return True
    return any(not target.strip("'\"").startswith("#") for target in re.findall(r"url\(([^)]*)\)", squashed))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def reencode_image(data: bytes, file_type: str) -> tuple[bytes, bytes, str]:
    """Decode a photo and write it again from its pixels: ``(image, thumbnail, thumbnail type)``.
    Nothing but the pixels survives (no EXIF, GPS, text chunks or ICC profile); the EXIF
    orientation is applied first so the photo stays upright. Raises ``UploadRejected``."""
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format != file_type.upper() or probe.width * probe.height > MAX_IMAGE_PIXELS:
                raise UploadRejected("image_too_large" if probe.format == file_type.upper() else "bad_image")
            probe.verify()
        with Image.open(io.BytesIO(data)) as opened:
            opened.load()
            upright = ImageOps.exif_transpose(opened)
    except UploadRejected:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise UploadRejected("bad_image") from exc
    clean = _pixels_only(upright, file_type)
    image = _encode(clean, file_type)
    thumbnail = clean.copy()
    thumbnail.thumbnail((THUMBNAIL_PIXELS, THUMBNAIL_PIXELS))
    thumb_type = "png" if thumbnail.mode in ("RGBA", "LA") else "jpeg"
    if thumb_type == "jpeg" and thumbnail.mode != "RGB":
        thumbnail = thumbnail.convert("RGB")
    return image, _encode(thumbnail, thumb_type), thumb_type


def _pixels_only(image: Image.Image, file_type: str) -> Image.Image:
    if file_type == "jpeg":
        wanted = "L" if image.mode in ("L", "1") else "RGB"
    else:
        wanted = image.mode if image.mode in ("RGB", "RGBA", "L", "LA") else "RGBA"
    converted = image.convert(wanted)
    clean = Image.new(wanted, converted.size)
    clean.paste(converted)  # a new image: no info dictionary, no EXIF, no profile comes along
    return clean


def _encode(image: Image.Image, file_type: str) -> bytes:
    out = io.BytesIO()
    if file_type == "jpeg":
        image.save(out, "JPEG", quality=85, optimize=True)
    else:
        image.save(out, "PNG", optimize=True)
    return out.getvalue()


def prepare(data: bytes) -> tuple[str, bytes, bytes | None, str | None]:
    """Check ``data`` and return ``(file type, bytes to store, thumbnail or None, thumbnail type)``.
    Raises ``UploadRejected``."""
    if not data:
        raise UploadRejected("empty")
    if len(data) > MAX_FILE_BYTES:
        raise UploadRejected("too_big")
    file_type = sniff(data)
    if file_type is None:
        raise UploadRejected("unknown_type")
    if file_type in IMAGE_TYPES:
        image, thumbnail, thumb_type = reencode_image(data, file_type)
        return file_type, image, thumbnail, thumb_type
    if file_type == "svg":
        check_svg(data)
    return file_type, data, None, None


def store(data: bytes, folder: str | os.PathLike[str]) -> StoredFile:
    """Check, clean and write one uploaded file into ``folder`` under a random name. Raises
    ``UploadRejected``; nothing is written for a refused file."""
    file_type, content, thumbnail, thumb_type = prepare(data)
    directory = Path(folder)
    directory.mkdir(parents=True, exist_ok=True)
    stem = secrets.token_hex(16)
    storage_name = stem + EXTENSIONS[file_type]
    _write_new(directory / storage_name, content)
    thumbnail_name = None
    if thumbnail is not None and thumb_type is not None:
        thumbnail_name = f"{stem}-thumb{EXTENSIONS[thumb_type]}"
        _write_new(directory / thumbnail_name, thumbnail)
    return StoredFile(file_type, len(content), storage_name, thumbnail_name)


def _write_new(path: Path, content: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o640)
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)


def stored_path(folder: str | os.PathLike[str], name: str) -> Path | None:
    """The path of a stored file, or None if ``name`` is not one of ours or is missing (a name
    from the database is still checked, so no path can ever leave the folder)."""
    if not STORED_NAME.match(name or ""):
        return None
    path = Path(folder) / name
    return path if path.is_file() else None


def remove_stored(folder: str | os.PathLike[str], *names: str | None) -> None:
    """Delete stored files (missing ones are ignored)."""
    for name in names:
        path = stored_path(folder, name) if name else None
        if path is not None:
            path.unlink(missing_ok=True)


def shown_name(original: str | None) -> str:
    """A file name as the student gave it, made harmless for messages: the base name only,
    unusual characters replaced, at most 120 characters."""
    base = re.split(r"[\\/]", original or "")[-1]
    return re.sub(r"[^\w .()-]+", "_", base).strip(" ._")[:120] or "file"


def display_name(original: str | None, file_type: str) -> str:
    """The name to show and to download a stored file as: the student's name with the
    extension of the type the content really is."""
    shown = shown_name(original)
    stem = shown.rsplit(".", 1)[0] if "." in shown else shown
    return (stem.strip(" ._") or "file") + EXTENSIONS[file_type]
