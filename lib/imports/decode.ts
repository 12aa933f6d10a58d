import iconv from "iconv-lite";

// Spanish Excel saves CSV as UTF-8 with a BOM ("CSV UTF-8"), as Windows-1252 ("CSV (delimitado
// por comas)") or, for "Texto Unicode", as UTF-16 with a BOM. Bytes that are not valid UTF-8
// are almost surely Windows-1252: a fatal UTF-8 decoder tells the two apart reliably, because
// accented Windows-1252 letters (0xE1 á, 0xF1 ñ…) are never valid UTF-8 sequences on their own.

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
export type DecodedText = { text: string; encoding: TextEncodingName; hadBom: boolean };

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8", hadBom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le", hadBom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be", hadBom: true };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8", hadBom: false };
  } catch {
    return {
      text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "win1252"),
      encoding: "windows-1252",
      hadBom: false,
    };
  }
}
