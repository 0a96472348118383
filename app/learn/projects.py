"""Making projects for students, and the evidence files served back.

``/learn/projects/<module>/<activity>`` shows a project's brief, deliverables and rubric, lets the
student upload evidence (checked and cleaned by ``app.learn.uploads``), remove a file not handed
in yet, and hand in (one attempt per idempotency key, waiting for the teacher's review); it also
lists their submissions with the teacher's feedback. ``/uploads/<id>`` and its thumbnail are
served only to the file's owner and their teachers, as inert content (``nosniff``, a sandboxing
CSP, and drawings, models and PDFs as downloads), from a folder outside the web root.
"""

from __future__ import annotations

import os
import uuid

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import HiddenField, MultipleFileField

from app.authz import Action, get_or_404_for, requires
from app.extensions import csrf, db
from app.learn import uploads
from app.learn.project_services import (add_uploads, find_project, mark_feedback_seen, pending_uploads,
                                        remove_pending_upload, submit_project, unseen_comment_ids)
from app.models import Upload
from app.work.attempts import attempts_for
from app.work.errors import WorkError
from app.work.keys import project_key
from app.catalog.pages import catalog_or_503 as _catalog

bp = Blueprint("projects", __name__)

FORM_OVERHEAD_BYTES = 256 * 1024  # the multipart boundaries and the small fields around the files


class ProjectActionForm(FlaskForm):
    """Every form of the project page: which action, and the fields that action needs."""

    action = HiddenField()
    files = MultipleFileField(render_kw={"accept": uploads.ACCEPT, "multiple": True})
    upload_id = HiddenField()
    idempotency_key = HiddenField()


def refusal_text(reason: str, name: str = "") -> str:
    """What a student reads when a file or a hand-in is refused."""
    texts = {
        "too_big": _("%(name)s is larger than %(mb)d MB: make it smaller and try again.", name=name,
                     mb=uploads.MAX_FILE_BYTES // (1024 * 1024)),
        "empty": _("%(name)s is empty.", name=name),
        "unknown_type": _("%(name)s is not a photo (JPEG or PNG), a 3D model (STL), a drawing (SVG) or a PDF.",
                          name=name),
        "bad_image": _("%(name)s looks like a photo but cannot be opened.", name=name),
        "image_too_large": _("%(name)s has too many pixels: make the photo smaller.", name=name),
        "unsafe_svg": _("%(name)s contains scripts or links to other files: save it again as a plain drawing.",
                        name=name),
        "bad_svg": _("%(name)s is not a valid SVG drawing.", name=name),
        "too_many": _("%(name)s was not added: you can hand in at most %(n)d files.", name=name, n=uploads.MAX_FILES),
        "no_files": _("Add at least one file before handing in."),
        "attempts_exhausted": _("You have used all the attempts your teacher allowed."),
        "bad_idempotency_key": _("The page was too old: reload it and try again."),
    }
    return texts.get(reason, _("This could not be done. Reload the page and try again."))


def upload_folder() -> str:
    """Where evidence files live: ``UPLOAD_FOLDER`` (``OFFICINA_UPLOAD_FOLDER``), else instance/uploads."""
    config = current_app.config
    return config.get("UPLOAD_FOLDER") or os.path.join(current_app.instance_path, "uploads")


@bp.route("/learn/projects/<module_slug>/<activity_slug>", methods=["GET", "POST"])
@csrf.exempt  # the form checks its own token, after the larger size limit below is in force
@requires(Action.DO_CLASSWORK)
def project(module_slug: str, activity_slug: str):
    request.max_content_length = uploads.MAX_FILES * uploads.MAX_FILE_BYTES + FORM_OVERHEAD_BYTES
    catalog = _catalog()
    found = find_project(catalog, module_slug, activity_slug)
    if found is None:
        abort(404)
    module, activity = found
    key = project_key(module.slug, activity.slug)
    form = ProjectActionForm()
    problems: list[str] = []
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        problems = _act(form, module, activity, key, catalog)
        if not problems:
            return redirect(url_for("projects.project", module_slug=module.slug, activity_slug=activity.slug))
    attempts = attempts_for(current_user.id, key)
    unseen = unseen_comment_ids(attempts)
    page = render_template("learn/project.html", module=module, project=activity, problems=problems,
                           rubric=activity.rubric or module.rubric, pending=pending_uploads(current_user.id, key),
                           attempts=attempts, unseen=unseen, form=form, new_key=uuid.uuid4().hex,
                           max_files=uploads.MAX_FILES, max_mb=uploads.MAX_FILE_BYTES // (1024 * 1024),
                           lang=str(get_locale() or "it"))
    if unseen:
        mark_feedback_seen(attempts)
        db.session.commit()
    return page, (400 if problems else 200)


def _act(form: ProjectActionForm, module, activity, key: str, catalog) -> list[str]:
    """Carry out the posted action; the problems to show (none: done, the view redirects)."""
    action = form.action.data
    if action == "upload":
        files = [(f.filename or "", f.stream.read(uploads.MAX_FILE_BYTES + 1)) for f in request.files.getlist("files")
                 if f and f.filename]
        if not files:
            return [_("Choose at least one file.")]
        added, refused = add_uploads(current_user, key, files, upload_folder())
        db.session.commit()
        if added:
            flash(_("Files added: %(n)d. Hand them in when you are ready.", n=len(added)), "success")
        return [refusal_text(reason, uploads.shown_name(name)) for name, reason in refused]
    if action == "remove" and (form.upload_id.data or "").isdigit():
        if remove_pending_upload(current_user, key, int(form.upload_id.data), upload_folder()):
            db.session.commit()
            flash(_("File removed."), "success")
            return []
        abort(404)
    if action == "submit":
        try:
            submit_project(current_user, module, activity, form.idempotency_key.data or "", catalog)
        except WorkError as exc:
            db.session.rollback()
            return [refusal_text(exc.message)]
        flash(_("Project handed in. Your teacher will look at it and write to you."), "success")
        return []
    abort(400)


def _send_stored(name: str | None, file_type: str, download_name: str, as_attachment: bool):
    path = uploads.stored_path(upload_folder(), name or "")
    if path is None:
        abort(404)
    response = send_file(path, mimetype=uploads.MIMETYPES[file_type], as_attachment=as_attachment,
                         download_name=download_name, max_age=0)
    # Whatever a file holds, the browser treats it as inert data of the type we checked.
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "sandbox"
    response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/uploads/<int:upload_id>")
def upload_file(upload_id: int):
    upload = get_or_404_for(Upload, upload_id, Action.VIEW_UPLOAD)
    return _send_stored(upload.storage_name, upload.file_type, upload.original_name,
                        as_attachment=upload.file_type not in uploads.IMAGE_TYPES)


@bp.route("/uploads/<int:upload_id>/thumbnail")
def upload_thumbnail(upload_id: int):
    upload = get_or_404_for(Upload, upload_id, Action.VIEW_UPLOAD)
    if not upload.thumbnail_name:
        abort(404)
    thumb_type = "png" if upload.thumbnail_name.endswith(".png") else "jpeg"
    return _send_stored(upload.thumbnail_name, thumb_type, "thumbnail" + uploads.EXTENSIONS[thumb_type],
                        as_attachment=False)
