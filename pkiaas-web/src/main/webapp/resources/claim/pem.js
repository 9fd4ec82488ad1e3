// PEM (RFC 7468): base64 of DER between "-----BEGIN label-----" and "-----END label-----" lines.

export function toBase64(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text) {
  const binary = atob(text.replace(/\s+/g, ''));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Encodes DER as PEM with 64-character lines (RFC 7468 §2). */
export function toPem(der, label) {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Every block with the given label in the text, as DER, in order. */
export function fromPem(text, label) {
  const pattern = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]*?)-----END ${label}-----`, 'g');
  return [...(text ?? '').matchAll(pattern)].map((match) => fromBase64(match[1]));
}

/** The certificates of a PEM bundle as DER. */
export function certificates(text) {
  return fromPem(text, 'CERTIFICATE');
}
