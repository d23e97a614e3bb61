// Demo people: Korean names (family names weighted by their real share of the population, two-syllable given
// names) and English names. Emails use only reserved example domains; phones are unique within one generation.
import type { Rng } from './rng.ts';

export type Gender = 'female' | 'male' | 'other';
export type Language = 'ko-KR' | 'en-US';

export interface DemoPerson {
	full_name: string;
	first_name: string;
	last_name: string;
	email: string;
	phone: string | null;
	gender: Gender | null;
	language: Language;
	timezone: 'Asia/Seoul' | 'America/New_York';
	country: 'KR' | 'US';
}

// [hangul, romanisation, approximate % of Koreans (2015 census)]
const KOREAN_FAMILY_NAMES: readonly (readonly [string, string, number])[] = [
	['김', 'kim', 21.5],
	['이', 'lee', 14.7],
	['박', 'park', 8.4],
	['최', 'choi', 4.7],
	['정', 'jung', 4.3],
	['강', 'kang', 2.4],
	['조', 'cho', 2.1],
	['윤', 'yoon', 2.1],
	['장', 'jang', 2.0],
	['임', 'lim', 1.7],
	['한', 'han', 1.5],
	['오', 'oh', 1.5],
	['서', 'seo', 1.5],
	['신', 'shin', 1.5],
	['권', 'kwon', 1.4],
	['황', 'hwang', 1.4],
	['안', 'ahn', 1.3],
	['송', 'song', 1.3],
	['전', 'jeon', 1.1],
	['홍', 'hong', 1.1],
	['유', 'yoo', 1.1],
	['고', 'ko', 0.9],
	['문', 'moon', 0.9],
	['양', 'yang', 0.9],
	['손', 'son', 0.9],
	['배', 'bae', 0.8],
	['백', 'baek', 0.8],
	['허', 'heo', 0.6],
	['노', 'noh', 0.6],
	['남', 'nam', 0.5],
];

const FAMILY_NAME_WEIGHTS = KOREAN_FAMILY_NAMES.map((name) => name[2]);

const KOREAN_FEMALE_NAMES: readonly (readonly [string, string])[] = [
	['서연', 'seoyeon'],
	['서윤', 'seoyun'],
	['지우', 'jiwoo'],
	['하은', 'haeun'],
	['민서', 'minseo'],
	['지민', 'jimin'],
	['수아', 'sua'],
	['하윤', 'hayun'],
	['지유', 'jiyu'],
	['예은', 'yeeun'],
	['채원', 'chaewon'],
	['지아', 'jia'],
	['수빈', 'subin'],
	['은지', 'eunji'],
	['유진', 'yujin'],
	['민지', 'minji'],
	['지현', 'jihyun'],
	['수진', 'sujin'],
	['혜진', 'hyejin'],
	['지영', 'jiyoung'],
	['미영', 'miyoung'],
	['은영', 'eunyoung'],
	['현주', 'hyunju'],
	['소연', 'soyeon'],
	['다은', 'daeun'],
	['예린', 'yerin'],
	['은서', 'eunseo'],
	['소윤', 'soyun'],
];

const KOREAN_MALE_NAMES: readonly (readonly [string, string])[] = [
	['민준', 'minjun'],
	['서준', 'seojun'],
	['도윤', 'doyun'],
	['예준', 'yejun'],
	['시우', 'siwoo'],
	['하준', 'hajun'],
	['주원', 'juwon'],
	['지호', 'jiho'],
	['준서', 'junseo'],
	['건우', 'geonwoo'],
	['현우', 'hyunwoo'],
	['지훈', 'jihoon'],
	['성민', 'sungmin'],
	['동현', 'donghyun'],
	['준영', 'junyoung'],
	['상훈', 'sanghoon'],
	['영수', 'youngsoo'],
	['정호', 'jungho'],
	['성호', 'sungho'],
	['재현', 'jaehyun'],
	['민재', 'minjae'],
	['태민', 'taemin'],
	['우진', 'woojin'],
	['승현', 'seunghyun'],
];

const ENGLISH_FEMALE_NAMES = [
	'Emma',
	'Olivia',
	'Ava',
	'Sophia',
	'Mia',
	'Grace',
	'Emily',
	'Chloe',
	'Hannah',
	'Sarah',
	'Jessica',
	'Rachel',
	'Laura',
	'Megan',
	'Julia',
	'Claire',
] as const;
const ENGLISH_MALE_NAMES = [
	'Liam',
	'Noah',
	'James',
	'Lucas',
	'Ethan',
	'Daniel',
	'Michael',
	'David',
	'Ryan',
	'Andrew',
	'Matthew',
	'Kevin',
	'Brian',
	'Thomas',
	'Eric',
	'Sam',
] as const;
const ENGLISH_LAST_NAMES = [
	'Smith',
	'Johnson',
	'Williams',
	'Brown',
	'Jones',
	'Miller',
	'Davis',
	'Garcia',
	'Wilson',
	'Taylor',
	'Anderson',
	'Thomas',
	'Moore',
	'Martin',
	'Clark',
	'Lewis',
	'Walker',
	'Young',
	'Hall',
	'Allen',
	'Wright',
	'Scott',
	'Baker',
	'Nelson',
] as const;

// New York-area codes with the 555 exchange, the one reserved for fiction.
const US_AREA_CODES = ['212', '646', '917', '718', '347', '201'] as const;

const GENDERS: readonly (readonly [Gender | null, number])[] = [
	['female', 52],
	['male', 42],
	['other', 1],
	[null, 5],
];

function nameGender(rng: Rng, gender: Gender | null): 'female' | 'male' {
	return gender === 'female' || gender === 'male' ? gender : rng.chance(0.5) ? 'female' : 'male';
}

function uniquePhone(rng: Rng, used: Set<string>, make: () => string): string {
	for (;;) {
		const phone = make();
		if (!used.has(phone)) {
			used.add(phone);
			return phone;
		}
	}
}

// The customer number is the email's trailing digits, so two customers can never share an address.
function koreanPerson(rng: Rng, number: number, usedPhones: Set<string>): DemoPerson {
	const [family, familyRoman] = KOREAN_FAMILY_NAMES[rng.weightedIndex(FAMILY_NAME_WEIGHTS)];
	const gender = rng.weighted(GENDERS);
	const [given, givenRoman] = rng.pick(nameGender(rng, gender) === 'female' ? KOREAN_FEMALE_NAMES : KOREAN_MALE_NAMES);
	const local = rng.weighted([
		[`${givenRoman}.${familyRoman}`, 5],
		[`${familyRoman}${givenRoman}`, 3],
		[`${givenRoman}_${familyRoman[0]}`, 2],
	] as const);
	return {
		full_name: family + given,
		first_name: given,
		last_name: family,
		email: `${local}${number}@${rng.weighted([
			['example.kr', 5],
			['example.com', 3],
			['example.net', 2],
		] as const)}`,
		phone: uniquePhone(rng, usedPhones, () => koreanMobile(rng)),
		gender,
		language: 'ko-KR',
		timezone: 'Asia/Seoul',
		country: 'KR',
	};
}

/** A Korean mobile number in an allocated range (010-5970 to 010-5999 are not, so phone validation refuses them). */
function koreanMobile(rng: Rng): string {
	for (;;) {
		const subscriber = rng.int(2000_0000, 9999_9999);
		const block = Math.floor(subscriber / 10_000);
		if (block < 5970 || block > 5999) return `+8210${subscriber}`;
	}
}

function englishPerson(rng: Rng, number: number, usedPhones: Set<string>): DemoPerson {
	const gender = rng.weighted(GENDERS);
	const first = rng.pick(nameGender(rng, gender) === 'female' ? ENGLISH_FEMALE_NAMES : ENGLISH_MALE_NAMES);
	const last = rng.pick(ENGLISH_LAST_NAMES);
	const local = rng.chance(0.7) ? `${first}.${last}` : `${first[0]}${last}`;
	const phone = rng.chance(0.7)
		? uniquePhone(rng, usedPhones, () => `+1${rng.pick(US_AREA_CODES)}555${String(rng.int(0, 9999)).padStart(4, '0')}`)
		: null;
	return {
		full_name: `${first} ${last}`,
		first_name: first,
		last_name: last,
		email: `${local.toLowerCase()}${number}@${rng.chance(0.6) ? 'example.com' : 'example.net'}`,
		phone,
		gender,
		language: 'en-US',
		timezone: 'America/New_York',
		country: 'US',
	};
}

/** About 80% Korean, 20% English. `number` (1-based) must be unique per customer; `usedPhones` is shared across calls. */
export function makePerson(rng: Rng, number: number, usedPhones: Set<string>): DemoPerson {
	return rng.chance(0.8) ? koreanPerson(rng, number, usedPhones) : englishPerson(rng, number, usedPhones);
}
