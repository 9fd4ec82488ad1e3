// DER encodings checked against X.690 examples and well-known encodings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bitString, bmpString, implicitConstructed, integer, oid, octetString, sequence, setOf, utf8String }
  from '../../main/webapp/resources/claim/der.js';

const hex = (bytes) => Buffer.from(bytes).toString('hex');

test('object identifiers combine the first two arcs and use base 128', () => {
  assert.equal(hex(oid('1.2.840.113549.1.1.11')), '06092a864886f70d01010b');
  assert.equal(hex(oid('2.5.4.3')), '0603550403');
  assert.equal(hex(oid('2.16.840.1.101.3.4.1.42')), '060960864801650304012a');
});

test('integers are minimal and positive', () => {
  assert.equal(hex(integer(0)), '020100');
  assert.equal(hex(integer(3)), '020103');
  assert.equal(hex(integer(128)), '02020080');
  assert.equal(hex(integer(100000)), '02030186a0');
  assert.equal(hex(integer(Uint8Array.of(0, 0, 0x7f))), '02017f');
  assert.equal(hex(integer(Uint8Array.of(0xff))), '020200ff');
});

test('lengths switch to the long form at 128 octets', () => {
  assert.equal(hex(octetString(new Uint8Array(127))).slice(0, 4), '047f');
  assert.equal(hex(octetString(new Uint8Array(128))).slice(0, 6), '048180');
  assert.equal(hex(octetString(new Uint8Array(300))).slice(0, 8), '0482012c');
});

test('strings, bit strings and constructed types', () => {
  assert.equal(hex(utf8String('alice')), '0c05616c696365');
  assert.equal(hex(bmpString('ab')), '1e0400610062');
  assert.equal(hex(bitString(Uint8Array.of(0xaa))), '030200aa');
  assert.equal(hex(implicitConstructed(0)), 'a000');
  assert.equal(hex(sequence(integer(1), integer(2))), '3006020101020102');
});

test('SET OF sorts its elements by their encodings', () => {
  assert.equal(hex(setOf(integer(2), integer(1))), '3106020101020102');
});
