/**
 * The host site's own words, in the three languages the prm elements speak. (The elements
 * translate themselves: the host only hands `<prm-provider>` the locale.)
 */
import type { PartnerStatus, PartnerTier, Role } from '@prm-kit/core';

export const LOCALES = ['en', 'de', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's name in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch', ja: '日本語' };

const en = {
  skip: 'Skip to content',
  tagline: 'Partner Network',
  signedInAs: 'Signed in as',
  language: 'Language',
  resetData: 'Reset demo data',
  resetDone: 'The demo data is back to its starting point.',
  switched: (name: string) => `Signed in as ${name}.`,
  partnerGroup: (partner: string) => `${partner} (partner)`,
  enterpriseGroup: 'XYZ Solutions (enterprise)',
  partnerPortal: 'Partner portal',
  workspace: 'Partner workspace',
  profile: 'Company profile',
  programs: 'Programs',
  partners: 'Partners',
  deals: 'Deal registrations',
  newDeal: 'Register a deal',
  reviews: 'Deal reviews',
  cases: 'Support cases',
  newCase: 'Raise a case',
  supportQueue: 'Support queue',
  dashboard: 'Dashboard',
  welcome: (name: string) => `Welcome back, ${name}`,
  welcomeLead: (partner: string) =>
    `Where ${partner} stands in the XYZ Solutions partner network: your pipeline, registrations, cases and the way to your next tier.`,
  enterpriseDashboardLead:
    'The partner network at a glance: engagement, approvals waiting, cases and pipeline.',
  aboutTitle: 'About this demo',
  about:
    'Everything here runs in your browser: the demo data of XYZ Solutions and its partners is kept in this browser only. Switch roles at the top to see what each person sees, and reset the data whenever you like.',
  profileLead: 'Your company as XYZ Solutions sees it.',
  programsLead: 'Programs you belong to, and the ones open to you.',
  dealsLead:
    'Deals registered with XYZ Solutions and where each one stands. Choose a number to see its details.',
  newDealLead:
    'Tell XYZ Solutions about a customer you are working on. Once the channel team approves the registration, the deal is protected for you.',
  dealSubmitted: (number: string) => `Registration ${number} was submitted for review.`,
  backToDeals: 'Back to deal registrations',
  casesLead:
    'Cases raised with XYZ Solutions support and where each one stands. Choose a number to open the conversation.',
  newCaseLead:
    'Tell XYZ Solutions support what you need. The more you describe, the sooner the team can help.',
  caseRaised: (number: string) => `Case ${number} was raised with support.`,
  backToCases: 'Back to support cases',
  supportQueueLead:
    'Partner support cases waiting for the support team, soonest due first. Take a case, then move it along.',
  reviewsLead: 'Deal registrations waiting for a decision by the channel team, soonest due first.',
  partnersLead: 'The partners you may see. Choose one to open its record.',
  findPartner: 'Find a partner',
  partnerName: 'Partner',
  country: 'Country',
  tier: 'Tier',
  status: 'Status',
  noMatch: 'No partner matches that name.',
  noPartners: 'There are no partners to show.',
  loading: 'Loading…',
  loadFailed: 'The partners could not be loaded.',
  retry: 'Try again',
  breadcrumb: 'Breadcrumb',
  partnerPages: (partner: string) => `${partner}: sections`,
  notFound: 'Page not found',
  notFoundLead: 'There is nothing at this address for the signed-in role.',
  goHome: 'Go to the start page',
  footer: 'A demo host site for prm-kit: the partner elements embedded in an ordinary page.',
  statuses: {
    prospect: 'Prospect',
    onboarding: 'Onboarding',
    active: 'Active',
    suspended: 'Suspended',
    terminated: 'Terminated',
  } satisfies Record<PartnerStatus, string>,
  tiers: {
    registered: 'Registered',
    silver: 'Silver',
    gold: 'Gold',
    platinum: 'Platinum',
  } satisfies Record<PartnerTier, string>,
  roles: {
    partner_admin: 'Partner admin',
    partner_manager: 'Partner manager',
    partner_associate: 'Partner associate',
    channel_manager: 'Channel manager',
    program_admin: 'Program admin',
    support_agent: 'Support agent',
    enterprise_admin: 'Enterprise admin',
  } satisfies Record<Role, string>,
};

export type Messages = typeof en;

const de: Messages = {
  skip: 'Zum Inhalt springen',
  tagline: 'Partnernetzwerk',
  signedInAs: 'Angemeldet als',
  language: 'Sprache',
  resetData: 'Demodaten zurücksetzen',
  resetDone: 'Die Demodaten sind wieder im Ausgangszustand.',
  switched: (name) => `Angemeldet als ${name}.`,
  partnerGroup: (partner) => `${partner} (Partner)`,
  enterpriseGroup: 'XYZ Solutions (Unternehmen)',
  partnerPortal: 'Partnerportal',
  workspace: 'Partner-Arbeitsbereich',
  profile: 'Unternehmensprofil',
  programs: 'Programme',
  partners: 'Partner',
  deals: 'Deal-Registrierungen',
  newDeal: 'Deal registrieren',
  reviews: 'Deal-Prüfungen',
  cases: 'Support-Fälle',
  newCase: 'Fall melden',
  supportQueue: 'Support-Warteschlange',
  dashboard: 'Dashboard',
  welcome: (name) => `Willkommen zurück, ${name}`,
  welcomeLead: (partner) =>
    `Wo ${partner} im Partnernetzwerk von XYZ Solutions steht: Pipeline, Registrierungen, Fälle und der Weg zur nächsten Stufe.`,
  enterpriseDashboardLead:
    'Das Partnernetzwerk auf einen Blick: Aktivität, offene Genehmigungen, Fälle und Pipeline.',
  aboutTitle: 'Über diese Demo',
  about:
    'Alles läuft in Ihrem Browser: Die Demodaten von XYZ Solutions und seinen Partnern bleiben in diesem Browser. Wechseln Sie oben die Rolle, um zu sehen, was jede Person sieht, und setzen Sie die Daten jederzeit zurück.',
  profileLead: 'Ihr Unternehmen, wie XYZ Solutions es sieht.',
  programsLead: 'Programme, denen Sie angehören, und die, die Ihnen offenstehen.',
  dealsLead:
    'Bei XYZ Solutions registrierte Deals und ihr Stand. Wählen Sie eine Nummer, um die Details zu sehen.',
  newDealLead:
    'Melden Sie XYZ Solutions einen Kunden, mit dem Sie im Gespräch sind. Sobald das Channel-Team die Registrierung genehmigt, ist der Deal für Sie geschützt.',
  dealSubmitted: (number) => `Registrierung ${number} wurde zur Prüfung eingereicht.`,
  backToDeals: 'Zurück zu den Deal-Registrierungen',
  casesLead:
    'Beim Support von XYZ Solutions gemeldete Fälle und ihr Stand. Wählen Sie eine Nummer, um das Gespräch zu öffnen.',
  newCaseLead:
    'Beschreiben Sie dem Support von XYZ Solutions, was Sie brauchen. Je genauer, desto schneller kann das Team helfen.',
  caseRaised: (number) => `Fall ${number} wurde an den Support gemeldet.`,
  backToCases: 'Zurück zu den Support-Fällen',
  supportQueueLead:
    'Support-Fälle von Partnern, die auf das Support-Team warten, die am frühesten fälligen zuerst. Übernehmen Sie einen Fall und bearbeiten Sie ihn.',
  reviewsLead:
    'Deal-Registrierungen, über die das Channel-Team entscheiden muss, die am frühesten fälligen zuerst.',
  partnersLead: 'Die Partner, die Sie sehen dürfen. Wählen Sie einen aus, um ihn zu öffnen.',
  findPartner: 'Partner suchen',
  partnerName: 'Partner',
  country: 'Land',
  tier: 'Stufe',
  status: 'Status',
  noMatch: 'Kein Partner passt zu diesem Namen.',
  noPartners: 'Es gibt keine Partner anzuzeigen.',
  loading: 'Wird geladen…',
  loadFailed: 'Die Partner konnten nicht geladen werden.',
  retry: 'Erneut versuchen',
  breadcrumb: 'Brotkrümelnavigation',
  partnerPages: (partner) => `${partner}: Bereiche`,
  notFound: 'Seite nicht gefunden',
  notFoundLead: 'Unter dieser Adresse gibt es für die angemeldete Rolle nichts.',
  goHome: 'Zur Startseite',
  footer: 'Eine Demo-Website für prm-kit: die Partner-Elemente in einer gewöhnlichen Seite.',
  statuses: {
    prospect: 'Interessent',
    onboarding: 'Onboarding',
    active: 'Aktiv',
    suspended: 'Gesperrt',
    terminated: 'Beendet',
  },
  tiers: { registered: 'Registriert', silver: 'Silber', gold: 'Gold', platinum: 'Platin' },
  roles: {
    partner_admin: 'Partner-Administrator',
    partner_manager: 'Partner-Manager',
    partner_associate: 'Partner-Mitarbeiter',
    channel_manager: 'Channel-Manager',
    program_admin: 'Programm-Administrator',
    support_agent: 'Support-Mitarbeiter',
    enterprise_admin: 'Unternehmens-Administrator',
  },
};

const ja: Messages = {
  skip: '本文へ移動',
  tagline: 'パートナーネットワーク',
  signedInAs: 'ログイン中のユーザー',
  language: '言語',
  resetData: 'デモデータをリセット',
  resetDone: 'デモデータを初期状態に戻しました。',
  switched: (name) => `${name} としてログインしました。`,
  partnerGroup: (partner) => `${partner}（パートナー）`,
  enterpriseGroup: 'XYZ Solutions（エンタープライズ）',
  partnerPortal: 'パートナーポータル',
  workspace: 'パートナーワークスペース',
  profile: '会社プロフィール',
  programs: 'プログラム',
  partners: 'パートナー',
  deals: '案件登録',
  newDeal: '案件を登録',
  reviews: '案件審査',
  cases: 'サポートケース',
  newCase: 'ケースを作成',
  supportQueue: 'サポートキュー',
  dashboard: 'ダッシュボード',
  welcome: (name) => `おかえりなさい、${name} さん`,
  welcomeLead: (partner) =>
    `XYZ Solutions パートナーネットワークにおける ${partner} の状況です。パイプライン、案件登録、ケース、次のティアまでの進捗を確認できます。`,
  enterpriseDashboardLead:
    'パートナーネットワークの概要：エンゲージメント、承認待ち、ケース、パイプライン。',
  aboutTitle: 'このデモについて',
  about:
    'すべてブラウザー内で動作します。XYZ Solutions とパートナーのデモデータはこのブラウザーにのみ保存されます。上部でロールを切り替えると各ユーザーの画面を確認でき、データはいつでもリセットできます。',
  profileLead: 'XYZ Solutions から見た貴社の情報です。',
  programsLead: '参加中のプログラムと、参加できるプログラムです。',
  dealsLead:
    'XYZ Solutions に登録した案件と、それぞれの状況です。番号を選択すると詳細を表示します。',
  newDealLead:
    '商談中の顧客を XYZ Solutions に登録します。チャネルチームが承認すると、その案件は保護されます。',
  dealSubmitted: (number) => `登録 ${number} を審査に提出しました。`,
  backToDeals: '案件登録の一覧に戻る',
  casesLead:
    'XYZ Solutions のサポートに問い合わせたケースと、それぞれの状況です。番号を選択するとやり取りを表示します。',
  newCaseLead:
    'XYZ Solutions のサポートに必要なことを伝えてください。詳しく書くほど、早く対応できます。',
  caseRaised: (number) => `ケース ${number} をサポートに送信しました。`,
  backToCases: 'サポートケースの一覧に戻る',
  supportQueueLead:
    'サポートチームの対応を待っているパートナーのケースです。期限の近い順に表示します。ケースを担当し、対応を進めてください。',
  reviewsLead: 'チャネルチームの判断を待っている案件登録です。期限の近い順に表示します。',
  partnersLead: '閲覧できるパートナーです。選択すると詳細を開きます。',
  findPartner: 'パートナーを検索',
  partnerName: 'パートナー',
  country: '国',
  tier: 'ティア',
  status: 'ステータス',
  noMatch: 'その名前に一致するパートナーはありません。',
  noPartners: '表示できるパートナーはありません。',
  loading: '読み込み中…',
  loadFailed: 'パートナーを読み込めませんでした。',
  retry: '再試行',
  breadcrumb: 'パンくずリスト',
  partnerPages: (partner) => `${partner}：セクション`,
  notFound: 'ページが見つかりません',
  notFoundLead: '現在のロールでは、このアドレスに表示できる内容はありません。',
  goHome: 'スタートページへ',
  footer: 'prm-kit のデモサイト：一般的なページに組み込んだパートナー要素。',
  statuses: {
    prospect: '見込み',
    onboarding: 'オンボーディング中',
    active: '有効',
    suspended: '停止中',
    terminated: '終了',
  },
  tiers: { registered: '登録', silver: 'シルバー', gold: 'ゴールド', platinum: 'プラチナ' },
  roles: {
    partner_admin: 'パートナー管理者',
    partner_manager: 'パートナーマネージャー',
    partner_associate: 'パートナー担当者',
    channel_manager: 'チャネルマネージャー',
    program_admin: 'プログラム管理者',
    support_agent: 'サポート担当',
    enterprise_admin: 'エンタープライズ管理者',
  },
};

export const MESSAGES: Record<Locale, Messages> = { en, de, ja };

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);
