import { cardBrand, luhnValid, maskNumber, parseExpiry, redactNumber } from '../nodes/ClovaOcr/cardInsights';
import { creditCardEndpoint } from '../nodes/ClovaOcr/invokeUrl';

const NOW = new Date(Date.UTC(2026, 10, 26));

describe('card insights', () => {
	test.each([
		['4111111111111111', 'Visa'],
		['5555555555554444', 'Mastercard'],
		['2221000000000009', 'Mastercard'],
		['378282246310005', 'American Express'],
		['3530111333300000', 'JCB'],
		['6011111111111117', 'Discover'],
		['512571781234****', 'Mastercard'],
	])('brand of %s is %s', (number, brand) => expect(cardBrand(number)).toBe(brand));

	test.each([
		['4111 1111 1111 1111', true],
		['4111-1111-1111-1112', false],
		['378282246310005', true],
		['512571781234****', null],
	])('Luhn of %s is %s', (number, expected) => expect(luhnValid(number)).toBe(expected));

	test.each([
		['09/23', 9, 2023, true],
		['11/26', 11, 2026, false],
		['10/26', 10, 2026, true],
		['12/26', 12, 2026, false],
		['12/2030', 12, 2030, false],
		['0130', 1, 2030, false],
		['1-29', 1, 2029, false],
	])('expiry %s is month %i year %i, expired %s', (text, month, year, expired) => {
		expect(parseExpiry(text, NOW)).toEqual({ expiryMonth: month, expiryYear: year, isExpired: expired });
	});

	test.each(['13/30', '00/30', 'AB/CD', '1/2/3'])('expiry %s is unreadable', (text) => expect(parseExpiry(text, NOW)).toBeNull());

	test('masks and redaction never show more than allowed', () => {
		expect(maskNumber('4111111111111111', 'pci')).toBe('411111******1111');
		expect(maskNumber('4111111111111111', 'last4')).toBe('************1111');
		expect(maskNumber('4111 1111 1111 1111', 'asReturned')).toBe('4111 1111 1111 1111');
		expect(redactNumber('4111111111111111')).toBe('************1111');
	});
});

describe('invoke URL', () => {
	test.each([
		['https://x.apigw.ntruss.com/custom/v1/1/k', 'https://x.apigw.ntruss.com/custom/v1/1/k/document/credit-card'],
		['https://x.apigw.ntruss.com/custom/v1/1/k/', 'https://x.apigw.ntruss.com/custom/v1/1/k/document/credit-card'],
		['https://x.apigw.ntruss.com/custom/v1/1/k/document/credit-card/', 'https://x.apigw.ntruss.com/custom/v1/1/k/document/credit-card'],
		['  http://127.0.0.1:8866 ', 'http://127.0.0.1:8866/document/credit-card'],
		['http://localhost:8866/', 'http://localhost:8866/document/credit-card'],
		['http://[::1]:8866', 'http://[::1]:8866/document/credit-card'],
	])('%s -> %s', (raw, expected) => expect(creditCardEndpoint(raw)).toBe(expected));

	test.each([
		['', 'The Invoke URL in the CLOVA OCR API credentials is empty'],
		['ftp://x.com', 'The Invoke URL must start with https:// (got "ftp:")'],
		['http://10.0.0.5/x', 'The Invoke URL uses plain http:// for the remote host "10.0.0.5"'],
	])('%s is refused', (raw, message) => expect(creditCardEndpoint(raw)).toMatchObject({ message }));
});
