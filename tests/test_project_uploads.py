"""Making projects: evidence files checked by content, photos cleaned of EXIF and location, files
kept outside the web root and served only to their owner and the owner's teachers, and a hand-in
that makes one attempt per idempotency key."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from app.extensions import db
from app.learn import uploads
from app.models import Attempt, AttemptStatus, Comment, Upload
from app.work.keys import project_key
from tests.factories import WORLD_PROJECT, WORLD_PROJECT_MODULE, csrf_token

PAGE = f"/learn/projects/{WORLD_PROJECT_MODULE}/{WORLD_PROJECT}"
KEY = project_key(WORLD_PROJECT_MODULE, WORLD_PROJECT)
GPS_IFD = 0x8825


@pytest.fixture(autouse=True)
def upload_dir(app, tmp_path):
    """A private upload folder per test."""
    folder = tmp_path / "uploads"
    app.config["UPLOAD_FOLDER"] = str(folder)
    return folder


def photo_with_gps(fmt: str = "JPEG", size=(1200, 900)) -> bytes:
    """A real photo carrying a camera model, a GPS position (Milan) and an orientation tag."""
    image = Image.new("RGB", size, (180, 40, 40))
    exif = Image.Exif()
    exif[0x010F] = "FotoCamera"
    exif[0x0112] = 6  # rotated: the cleaned photo must come out upright (portrait)
    exif[GPS_IFD] = {1: "N", 2: (45.0, 27.0, 50.0), 3: "E", 4: (9.0, 11.0, 25.0)}
    out = io.BytesIO()
    if fmt == "PNG":
        from PIL.PngImagePlugin import PngInfo

        info = PngInfo()
        info.add_text("Comment", "scattata a casa di Giulia, via Roma 1")
        image.save(out, "PNG", exif=exif.tobytes(), pnginfo=info)
    else:
        image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def binary_stl(triangles: int = 1) -> bytes:
    header = b"binary stl made by a test".ljust(80, b" ")
    facet = struct.pack("<12fH", 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0)
    return header + struct.pack("<I", triangles) + facet * triangles


ASCII_STL = b"solid cube\n facet normal 0 0 1\n  outer loop\n   vertex 0 0 0\n   vertex 1 0 0\n   vertex 0 1 0\n  endloop\n endfacet\nendsolid cube\n"
CLEAN_SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><defs><linearGradient id="g"/></defs><rect width="10" height="10" fill="url(#g)"/></svg>'
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def student_client(app, login, user):
    """A signed-in client whose pages are in English (the assertions read the page's words)."""
    user.preferred_language = "en"
    db.session.commit()
    client = app.test_client()
    assert login(client, user).status_code == 302
    return client


def upload(client, files: list[tuple[bytes, str]]):
    token = csrf_token(client, PAGE)
    data = {"csrf_token": token, "action": "upload", "files": [(io.BytesIO(content), name) for content, name in files]}
    return client.post(PAGE, data=data, content_type="multipart/form-data")


def hand_in(client, key: str = "hand-in-key-0001"):
    token = csrf_token(client, PAGE)
    return client.post(PAGE, data={"csrf_token": token, "action": "submit", "idempotency_key": key})


def uploads_of(user) -> list[Upload]:
    db.session.expire_all()
    return list(db.session.scalars(select(Upload).where(Upload.user_id == user.id).order_by(Upload.id)))


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_photo_is_cleaned_of_exif_and_location(app, world, login, upload_dir, fmt):
    """Does an uploaded photo lose its EXIF, GPS position and text, stay upright, and get a thumbnail?"""
    original = photo_with_gps(fmt)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the test photo really has a position
    client = student_client(app, login, world.student)
    assert upload(client, [(original, "gita." + fmt.lower())]).status_code == 302
    (row,) = uploads_of(world.student)
    assert row.file_type == fmt.lower() and row.attempt_id is None
    stored = (upload_dir / row.storage_name).read_bytes()
    cleaned = Image.open(io.BytesIO(stored))
    assert not cleaned.getexif() and not cleaned.getexif().get_ifd(GPS_IFD)
    assert b"Exif" not in stored and b"via Roma" not in stored and b"FotoCamera" not in stored
    assert cleaned.size == (900, 1200)  # the orientation tag was applied before it was dropped
    thumb = Image.open(upload_dir / row.thumbnail_name)
    assert max(thumb.size) == uploads.THUMBNAIL_PIXELS
    static = Path(app.static_folder).resolve()
    assert static not in (upload_dir / row.storage_name).resolve().parents
    assert row.storage_name.split(".")[0] not in "gita"  # a random name, not the student's


@pytest.mark.parametrize("content, name", [
    (b"<html><body><script>alert(document.cookie)</script></body></html>", "foto.png"),
    (b"\x89PNG\r\n\x1a\n<html><script>alert(1)</script></html>", "foto.png"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "disegno.svg"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><rect onclick="alert(1)" width="5" height="5"/></svg>', "d.svg"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="http://evil.example/x.png"/></svg>', "d.svg"),
    (b'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>', "d.svg"),
    (b"MZ\x90\x00 not a project file", "relazione.pdf"),
])
def test_disguised_or_unsafe_files_are_refused(app, world, login, upload_dir, content, name):
    """Is a file refused when its content is not what it claims (a fake PNG holding HTML) or an
    SVG could run script or fetch something, with nothing stored?"""
    client = student_client(app, login, world.student)
    response = upload(client, [(content, name)])
    assert response.status_code == 400
    assert "role=\"alert\"" in response.get_data(as_text=True)
    assert uploads_of(world.student) == []
    assert not upload_dir.exists() or not any(upload_dir.iterdir())


def test_models_drawings_and_pdfs_are_accepted_and_served_as_downloads(app, world, login):
    """Are STL (binary and ASCII), clean SVG and PDF accepted by content and served as inert attachments?"""
    client = student_client(app, login, world.student)
    files = [(binary_stl(3), "pezzo.stl"), (ASCII_STL, "cubo.txt"), (CLEAN_SVG, "logo.svg"), (PDF, "poster.pdf")]
    assert upload(client, files).status_code == 302
    rows = uploads_of(world.student)
    assert [r.file_type for r in rows] == ["stl", "stl", "svg", "pdf"]
    assert rows[1].original_name == "cubo.stl"  # named for what it is
    for row in rows:
        response = client.get(f"/uploads/{row.id}")
        assert response.status_code == 200
        assert response.headers["Content-Disposition"].startswith("attachment")
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Content-Security-Policy"] == "sandbox"
        assert response.mimetype == uploads.MIMETYPES[row.file_type]


def test_svg_as_drawing_programs_write_it_is_accepted():
    """Is an SVG with a plain DOCTYPE, internal links and styles (as Illustrator or Inkscape save it) accepted?"""
    drawing = (b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
               b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg xmlns="http://www.w3.org/2000/svg" '
               b'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100"><style>.cut{stroke:red}</style>'
               b'<path id="p" class="cut" d="M0 0L100 100"/><use xlink:href="#p" x="10"/></svg>')
    assert uploads.prepare(drawing)[0] == "svg"
    with pytest.raises(uploads.UploadRejected):
        uploads.prepare(drawing.replace(b'"#p"', b'"http://evil.example/x.svg#p"'))
    with pytest.raises(uploads.UploadRejected):
        uploads.prepare(drawing.replace(b".cut{stroke:red}", b".cut{background:url(http://evil.example/t)}"))


def test_size_and_count_limits(app, world, login):
    """Is a file over 8 MB refused, a 3 MB one accepted despite the 2 MB form limit, and a sixth file refused?"""
    with pytest.raises(uploads.UploadRejected) as refused:
        uploads.prepare(binary_stl((uploads.MAX_FILE_BYTES - 84) // 50 + 1))
    assert refused.value.reason == "too_big"
    client = student_client(app, login, world.student)
    assert upload(client, [(binary_stl(60_000), "grande.stl")]).status_code == 302
    assert upload(client, [(PDF, f"p{i}.pdf") for i in range(5)]).status_code == 400
    assert len(uploads_of(world.student)) == uploads.MAX_FILES


def test_hand_in_makes_one_attempt_per_key(app, world, login):
    """Do a double click and a retried request with the same key make one attempt waiting for review,
    taking the files with it?"""
    client = student_client(app, login, world.student)
    upload(client, [(PDF, "poster.pdf"), (photo_with_gps(), "foto.jpg")])
    assert hand_in(client).status_code == 302
    assert hand_in(client).status_code == 302
    attempts = db.session.scalars(select(Attempt).where(Attempt.user_id == world.student.id,
                                                        Attempt.activity_key == KEY)).all()
    assert len(attempts) == 1
    attempt = attempts[0]
    assert attempt.kind == "project" and attempt.status is AttemptStatus.NEEDS_REVIEW
    assert attempt.assignment_id == world.project_assignment.id
    assert sorted(u.original_name for u in attempt.uploads) == ["foto.jpg", "poster.pdf"]
    assert hand_in(client, "another-key-0002").status_code == 400  # nothing left to hand in


def test_files_served_only_to_owner_and_their_teachers(app, world, login):
    """Are a file and its thumbnail refused to another student and another class's teacher, and
    shown to the owner and, once handed in, to the owner's teacher?"""
    owner = student_client(app, login, world.student)
    upload(owner, [(photo_with_gps(), "foto.jpg")])
    (row,) = uploads_of(world.student)
    paths = [f"/uploads/{row.id}", f"/uploads/{row.id}/thumbnail"]
    teacher = student_client(app, login, world.teacher)
    assert [teacher.get(p).status_code for p in paths] == [403, 403]  # not handed in yet
    hand_in(owner)
    for path in paths:
        response = owner.get(path)
        assert response.status_code == 200 and response.mimetype == "image/jpeg"
        assert response.headers["Content-Security-Policy"] == "sandbox"
        assert "attachment" not in response.headers.get("Content-Disposition", "")
        assert teacher.get(path).status_code == 200
    for outsider in (world.other_student, world.other_teacher, world.staff):
        client = student_client(app, login, outsider)
        assert [client.get(p).status_code for p in paths] == [403, 403]
    assert owner.get("/uploads/999999").status_code == 404


def test_feedback_is_shown_and_marked_seen(app, world, login):
    """Does the student see the teacher's comment marked new once, then recorded as seen?"""
    client = student_client(app, login, world.student)
    upload(client, [(PDF, "poster.pdf")])
    hand_in(client)
    attempt = db.session.scalar(select(Attempt).where(Attempt.activity_key == KEY))
    db.session.add(Comment(attempt=attempt, author_id=world.teacher.id, body="Bel poster, aggiungi le misure."))
    db.session.commit()
    first = client.get(PAGE).get_data(as_text=True)
    assert "Bel poster, aggiungi le misure." in first and ">New<" in first
    db.session.expire_all()
    assert db.session.scalar(select(func.count(Comment.id)).where(Comment.seen_at.is_(None))) == 1  # the world's lab comment
    assert ">New<" not in client.get(PAGE).get_data(as_text=True)


def test_other_roles_and_other_pages(app, world, login):
    """Is the project page refused to teachers and 404 for an activity that is not a project?"""
    teacher = student_client(app, login, world.teacher)
    assert teacher.get(PAGE).status_code == 403
    student = student_client(app, login, world.student)
    assert student.get(f"/learn/projects/{WORLD_PROJECT_MODULE}/no-such-thing").status_code == 404
    assert student.get(f"/learn/projects/led-uscite-digitali/{world.quiz_slug}").status_code == 404
    assert student.get(PAGE).status_code == 200
