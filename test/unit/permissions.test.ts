import {
  classifyAuthorizeFailure,
  wxPermissions,
  type AuthorizeFailureKind,
} from '../../miniprogram/platform/permissions';

describe('wx.authorize failures: only the person refusing counts as a refusal', () => {
  it.each<[string, unknown, AuthorizeFailureKind]>([
    ['Android refusal', { errMsg: 'authorize:fail auth deny' }, 'user-refused'],
    ['refusal with a colon', { errMsg: 'authorize:fail:auth deny' }, 'user-refused'],
    ['iOS refusal', { errMsg: 'authorize:fail auth denied' }, 'user-refused'],
    ['refusal with a code', { errMsg: 'authorize:fail -12006,auth deny' }, 'user-refused'],
    [
      'privacy agreement refused (errno 104)',
      { errno: 104, errMsg: 'authorize:fail privacy permission is not authorized' },
      'privacy-agreement',
    ],
    [
      'scope not declared in the privacy agreement (errno 112)',
      { errno: 112, errMsg: 'authorize:fail api scope is not declared in the privacy agreement' },
      'privacy-agreement',
    ],
    ['errno 104 without a text', { errno: 104, errMsg: '' }, 'privacy-agreement'],
    ['Android system permission', { errMsg: 'authorize:fail system permission denied' }, 'system'],
    ['a bare failure', { errMsg: 'authorize:fail' }, 'other'],
    ['the dialog dismissed', { errMsg: 'authorize:fail auth cancel' }, 'other'],
    ['not supported here', { errMsg: 'authorize:fail not supported' }, 'other'],
    ['a thrown Error', new Error('wx.authorize is not a function'), 'other'],
    ['nothing at all', undefined, 'other'],
  ])('%s → %s', (_name, failure, kind) => {
    expect(classifyAuthorizeFailure(failure)).toBe(kind);
  });
});

describe('the real adapter', () => {
  afterEach(() => jest.restoreAllMocks());

  function authorizeFails(failure: unknown) {
    jest.spyOn(wx, 'authorize').mockImplementation((() => Promise.reject(failure)) as typeof wx.authorize);
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  }

  it('granted when wx.authorize succeeds', async () => {
    jest
      .spyOn(wx, 'authorize')
      .mockImplementation((() => Promise.resolve({ errMsg: 'authorize:ok' })) as typeof wx.authorize);
    await expect(wxPermissions.ensure('scope.record')).resolves.toBe('granted');
  });

  it('denied only for the refusal', async () => {
    authorizeFails({ errMsg: 'authorize:fail auth deny' });
    await expect(wxPermissions.ensure('scope.camera')).resolves.toBe('denied');
  });

  it.each([
    { errno: 104, errMsg: 'authorize:fail privacy permission is not authorized' },
    { errMsg: 'authorize:fail system permission denied' },
    { errMsg: 'authorize:fail' },
  ])('unconfirmed (the call goes ahead) for %p', async (failure) => {
    authorizeFails(failure);
    await expect(wxPermissions.ensure('scope.record')).resolves.toBe('unconfirmed');
  });
});
