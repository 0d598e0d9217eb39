/**
 * The initByCaller request every device → WeChat user call must send: businessType 1, the registered sn as the
 * caller, the contact as the listener, and no voipToken key at all (not even empty).
 */
export function expectTokenLessRequest(
  request: WmpfVoip.InitByCallerRequest | undefined,
  expected: { sn: string; contact: { openId: string; name: string }; roomType: 'voice' | 'video' },
): void {
  expect(request).toBeDefined();
  expect(Object.keys(request ?? {})).not.toContain('voipToken');
  expect(request?.businessType).toBe(1);
  expect(request?.caller.id).toBe(expected.sn);
  expect(request?.listener).toEqual(
    expect.objectContaining({ id: expected.contact.openId, name: expected.contact.name }),
  );
  expect(request?.roomType).toBe(expected.roomType);
}
