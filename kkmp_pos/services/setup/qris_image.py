"""Reading QR codes from a photo or an image file of the shop's QRIS sticker (zxing-cpp, Pillow).

Kept apart from the setup service so only entering a code from a picture loads the decoder.
"""

from __future__ import annotations

from pathlib import Path

from kkmp_pos.core.errors import ValidationError

# A phone photo is a few MB; anything far larger is not a picture of a sticker.
MAX_IMAGE_BYTES = 40_000_000


def read_qr_texts(path: str | Path) -> list[str]:
    """The texts of every QR code zxing-cpp finds in the image at `path`, in the order found.

    Raises ValidationError("qris_image_unreadable") when the file is not an image Pillow opens.
    An empty list means the picture holds no readable QR code.
    """
    import zxingcpp  # lazily: only a picture of a sticker needs the decoder
    from PIL import Image, ImageOps, UnidentifiedImageError

    source = Path(path)
    name = source.name
    try:
        if source.stat().st_size > MAX_IMAGE_BYTES:
            raise ValidationError("qris_image_unreadable", name=name)
        with Image.open(source) as opened:
            # Grey is all the decoder needs; exif_transpose turns a phone photo upright, and a
            # palette, alpha or 16-bit picture becomes plain 8-bit luminance.
            image = ImageOps.exif_transpose(opened).convert("L")
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError("qris_image_unreadable", name=name) from exc
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return [barcode.text for barcode in found if barcode.valid and barcode.text]
