"""The admin's image form: the pixel limit counts every frame of an animation.

Wagtail multiplies width x height by the frame count, but Willow's Pillow plugin
reports one frame for every image, so a long animated GIF or WebP passed the
limit and cost its decoding time and memory on first view. This form counts the
frames with Pillow itself (WAGTAILIMAGES_IMAGE_FORM_BASE).

Saving the image queues its renditions (core/images.py); a replaced file's old
renditions are deleted by Wagtail's form after that save, so they are queued again.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from PIL import Image
from wagtail.images.forms import BaseImageForm

from core.images import image_saved


def pixel_count(file):
    """width x height x frames of an uploaded image file."""
    file.seek(0)
    with Image.open(file) as image:
        count = image.width * image.height * getattr(image, "n_frames", 1)
    file.seek(0)
    return count


class ImageForm(BaseImageForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
            count = pixel_count(file)
            if count > limit:
                raise ValidationError(
                    self.fields["file"].error_messages["file_too_many_pixels"]
                    % {"num_pixels": count, "max_pixels_count": limit},
                    code="file_too_many_pixels",
                )
        return file

    def save(self, commit=True):
        replaced_file = commit and "file" in self.changed_data and self.original_file
        image = super().save(commit=commit)
        if replaced_file:
            image_saved(type(image), image)
        return image
