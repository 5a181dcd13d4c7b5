// Fallbacks for what the wasm-bindgen glue needs and Apps Script does not have. Inlined into
// dist/Checker.js by build.mjs, inside its closure; each is used only where the real global
// is missing.

/** UTF-8 encoding as TextEncoder does it (a lone surrogate becomes U+FFFD). */
class Utf8Encoder {
  get encoding() {
    return 'utf-8';
  }

  encode(text = '') {
    const bytes = new Uint8Array(text.length * 3);
    return bytes.slice(0, this.encodeInto(text, bytes).written);
  }

  /** Writes whole characters only, stopping where the next one would not fit. */
  encodeInto(text, bytes) {
    let read = 0;
    let written = 0;
    while (read < text.length) {
      let code = text.charCodeAt(read);
      let units = 1;
      if (code >= 0xd800 && code <= 0xdfff) {
        const next = text.charCodeAt(read + 1);
        if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
          units = 2;
        } else {
          code = 0xfffd;
        }
      }
      const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      if (written + size > bytes.length) break;
      if (size === 1) {
        bytes[written] = code;
      } else {
        const lead = [0, 0, 0xc0, 0xe0, 0xf0][size];
        bytes[written] = lead | (code >> (6 * (size - 1)));
        for (let i = 1; i < size; i++) bytes[written + i] = 0x80 | ((code >> (6 * (size - 1 - i))) & 0x3f);
      }
      written += size;
      read += units;
    }
    return { read, written };
  }
}

/**
 * UTF-8 decoding as TextDecoder does it without `fatal`: each malformed sequence becomes one
 * U+FFFD. A leading byte order mark is kept, as the glue asks (`ignoreBOM: true`).
 */
class Utf8Decoder {
  constructor(label = 'utf-8') {
    if (!/^utf-?8$/i.test(String(label).trim())) throw new RangeError(`only UTF-8 is supported, not ${label}`);
  }

  get encoding() {
    return 'utf-8';
  }

  decode(bytes = new Uint8Array(0)) {
    const chunks = [];
    let units = [];
    const push = (unit) => {
      units.push(unit);
      // String.fromCharCode takes its units as arguments: keep each call well under the limit.
      if (units.length >= 8192) {
        chunks.push(String.fromCharCode.apply(null, units));
        units = [];
      }
    };
    let i = 0;
    while (i < bytes.length) {
      const lead = bytes[i];
      if (lead < 0x80) {
        push(lead);
        i += 1;
        continue;
      }
      // The sequence length, the lowest code point it may encode, and the lead byte's bits.
      const [size, min, bits] = lead >= 0xf0 && lead <= 0xf4 ? [4, 0x10000, lead & 0x07]
        : lead >= 0xe0 && lead <= 0xef ? [3, 0x800, lead & 0x0f]
        : lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, lead & 0x1f]
        : [0, 0, 0];
      let code = bits;
      let length = 1;
      while (length < size && i + length < bytes.length && (bytes[i + length] & 0xc0) === 0x80) {
        code = (code << 6) | (bytes[i + length] & 0x3f);
        length += 1;
        // Overlong, surrogate or out-of-range prefixes are malformed as soon as they are seen.
        if (length === 2 && size > 2 && ((code << (6 * (size - 2))) < min || (code << (6 * (size - 2))) > 0x10ffff ||
            (size === 3 && code >= 0x360 && code <= 0x37f))) {
          length = 1;
          break;
        }
      }
      if (size === 0 || length < size) {
        push(0xfffd);
        i += length;
        continue;
      }
      if (code >= 0x10000) {
        push(0xd800 + ((code - 0x10000) >> 10));
        push(0xdc00 + ((code - 0x10000) & 0x3ff));
      } else {
        push(code);
      }
      i += size;
    }
    chunks.push(String.fromCharCode.apply(null, units));
    return chunks.join('');
  }
}

/**
 * Random bytes for the core's hash seeds when there is no Web Crypto. They only spread hash
 * table keys; the input is the user's own sheet, so a guessable seed costs nothing.
 */
function fillRandom(bytes) {
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return bytes;
}

const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (with padding) to bytes; the same in Apps Script and in Node tests. */
function base64Bytes(text) {
  const values = new Uint8Array(128);
  for (let i = 0; i < BASE64_DIGITS.length; i++) values[BASE64_DIGITS.charCodeAt(i)] = i;
  const digits = text.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((digits.length * 3) / 4));
  let written = 0;
  for (let i = 0; i < digits.length; i += 4) {
    const group = (values[digits.charCodeAt(i)] << 18) | (values[digits.charCodeAt(i + 1)] << 12) |
      (values[digits.charCodeAt(i + 2)] << 6) | values[digits.charCodeAt(i + 3)];
    bytes[written++] = group >> 16;
    if (written < bytes.length) bytes[written++] = (group >> 8) & 0xff;
    if (written < bytes.length) bytes[written++] = group & 0xff;
  }
  return bytes;
}
