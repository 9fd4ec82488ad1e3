// A small DER encoder (ITU-T X.690 §8 and §10): just the types PKCS#10 and PKCS#12 need.
// Every function returns the complete encoding (tag, length, contents) as a Uint8Array.

/** Concatenates byte arrays. */
export function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Definite-form length octets (X.690 §8.1.3): short form below 128, otherwise long form. */
function length(n) {
  if (n < 0x80) {
    return Uint8Array.of(n);
  }
  const octets = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) {
    octets.unshift(rest % 256);
  }
  return Uint8Array.of(0x80 | octets.length, ...octets);
}

/** A TLV with a single-octet tag (every tag used here is below 31). */
export function tlv(tag, contents) {
  return concat(Uint8Array.of(tag), length(contents.length), contents);
}

export function sequence(...items) {
  return tlv(0x30, concat(...items));
}

/** SET OF: DER sorts the encoded elements (X.690 §11.6). */
export function setOf(...items) {
  const sorted = [...items].sort(compareBytes);
  return tlv(0x31, concat(...sorted));
}

function compareBytes(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      return a[i] - b[i];
    }
  }
  return a.length - b.length;
}

/** INTEGER from a non-negative safe integer or from unsigned big-endian bytes (X.690 §8.3). */
export function integer(value) {
  let bytes = typeof value === 'number' ? unsignedBytes(value) : Uint8Array.from(value);
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) {
    start++;
  }
  bytes = bytes.subarray(start);
  if (bytes.length === 0 || bytes[0] & 0x80) {
    bytes = concat(Uint8Array.of(0), bytes); // keep it positive
  }
  return tlv(0x02, bytes);
}

function unsignedBytes(n) {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`not a non-negative integer: ${n}`);
  }
  const octets = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) {
    octets.unshift(rest % 256);
  }
  return Uint8Array.from(octets);
}

/** OBJECT IDENTIFIER from dotted form (X.690 §8.19): first two arcs combined, then base 128. */
export function oid(dotted) {
  const arcs = dotted.split('.').map(Number);
  const values = [arcs[0] * 40 + arcs[1], ...arcs.slice(2)];
  const out = [];
  for (const value of values) {
    const septets = [value & 0x7f];
    for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128)) {
      septets.unshift(0x80 | (rest & 0x7f));
    }
    out.push(...septets);
  }
  return tlv(0x06, Uint8Array.from(out));
}

export function nul() {
  return Uint8Array.of(0x05, 0x00);
}

export function octetString(bytes) {
  return tlv(0x04, bytes);
}

/** BIT STRING of whole octets: no unused bits (X.690 §8.6). */
export function bitString(bytes) {
  return tlv(0x03, concat(Uint8Array.of(0), bytes));
}

export function utf8String(text) {
  return tlv(0x0c, new TextEncoder().encode(text));
}

/** BMPString: UTF-16 big-endian code units (X.690 §8.23.8), as PKCS#12 friendlyName wants. */
export function bmpString(text) {
  return tlv(0x1e, utf16be(text));
}

export function utf16be(text) {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 * i] = unit >> 8;
    out[2 * i + 1] = unit & 0xff;
  }
  return out;
}

/** [n] EXPLICIT: a constructed context-specific tag around one complete encoding. */
export function explicit(n, inner) {
  return tlv(0xa0 | n, inner);
}

/** [n] IMPLICIT for a constructed type (SET OF, SEQUENCE): the contents with the tag replaced. */
export function implicitConstructed(n, ...items) {
  return tlv(0xa0 | n, concat(...items));
}

/** AlgorithmIdentifier (RFC 5280 §4.1.1.2) with the given parameters, or none. */
export function algorithm(dotted, parameters) {
  return parameters === undefined ? sequence(oid(dotted)) : sequence(oid(dotted), parameters);
}
