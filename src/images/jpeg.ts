/** A marker segment of a JPEG file: its marker byte, where it starts, and its length field. */
export interface JpegSegment {
  marker: number;
  pos: number;
  length: number;
}

/** Markers that stand alone, with no length field: SOI, RST0–7, TEM. */
function isStandalone(marker: number): boolean {
  return marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01;
}

/** Start-of-frame markers (SOF0–SOF15), which carry the image size; not DHT, JPG or DAC. */
export function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/**
 * Walks the marker segments after the SOI marker, skipping fill bytes and standalone markers.
 * A byte where a marker should be yields `marker: -1` and ends the walk (the file is corrupt).
 */
export function* jpegSegments(bytes: Uint8Array): Generator<JpegSegment> {
  let pos = 2;
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) {
      yield { marker: -1, pos, length: 0 };
      return;
    }
    const marker = bytes[pos + 1];
    if (marker === 0xff) {
      pos += 1;
      continue;
    }
    if (isStandalone(marker)) {
      pos += 2;
      continue;
    }
    const length = (bytes[pos + 2] << 8) | bytes[pos + 3];
    yield { marker, pos, length };
    pos += 2 + length;
  }
}
