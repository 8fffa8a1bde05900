/**
 * Words for naming and describing personas, per feature and language: a
 * plural noun for the persona ("gift givers"), an attributive adjective
 * ("deadline-driven"; Dutch ones already inflected before a plural noun), a
 * clause for the one-line description ("buy gifts for others"), and for some
 * features a clause for when the persona shows the trait far less than
 * average ("rarely say why they buy").
 */
import type { Language } from '../contract/taxonomy.js';

export interface Phrase {
  noun?: string;
  adjective?: string;
  clause: string;
  low?: string;
  /** For clauses that share a verb ("care about price"): the verb and the object, so two of them merge into one clause. */
  shared?: { head: string; object: string };
}

type Table = Record<string, Phrase>;

const EN: Table = {
  'intent.purchase_motive': {
    noun: 'purposeful buyers',
    adjective: 'purposeful',
    clause: 'say why they buy',
    low: 'rarely say why they buy',
  },
  'intent.obstacle': {
    noun: 'troubled customers',
    adjective: 'troubled',
    clause: 'often run into problems',
    low: 'rarely run into problems',
  },
  'intent.upsell_signal': {
    noun: 'upsell-ready shoppers',
    adjective: 'upsell-ready',
    clause: 'are open to buying more',
    low: 'rarely buy more than they came for',
  },
  'intent.assortment_request': {
    noun: 'wishlisters',
    adjective: 'wishlisting',
    clause: 'ask for what the shop lacks',
    low: 'find what they need in the range',
  },
  'motive.gift': { noun: 'gift givers', adjective: 'gift-buying', clause: 'buy gifts for others' },
  'motive.travel': { noun: 'travellers', adjective: 'travel-minded', clause: 'shop for trips and holidays' },
  'motive.hobby': { noun: 'hobbyists', adjective: 'passionate', clause: 'buy for a hobby or passion' },
  'motive.life_event': {
    noun: 'life planners',
    adjective: 'life-planning',
    clause: 'shop for life events such as a baby, a wedding or a move',
  },
  'motive.replacement': { noun: 'replacers', adjective: 'practical', clause: 'replace things that broke or wore out' },
  'motive.home_project': { noun: 'home improvers', adjective: 'DIY', clause: 'shop for projects around the house' },
  'motive.work_study': { noun: 'workers and students', adjective: 'work-minded', clause: 'buy for work or study' },
  'motive.health': { noun: 'wellbeing seekers', adjective: 'health-conscious', clause: 'buy for health and comfort' },
  'motive.other': { noun: 'purposeful buyers', adjective: 'purpose-driven', clause: 'buy with a clear purpose of their own' },
  'obstacle.delivery': { noun: 'parcel chasers', adjective: 'deadline-driven', clause: 'chase late or lost parcels' },
  'obstacle.payment': { noun: 'checkout strugglers', adjective: 'code-chasing', clause: 'hit payment and discount-code problems' },
  'obstacle.returns': { noun: 'returners', adjective: 'return-prone', clause: 'struggle with returns and refunds' },
  'obstacle.product_quality': { noun: 'quality critics', adjective: 'quality-critical', clause: 'report defects and wrong items' },
  'obstacle.product_info': { noun: 'researchers', adjective: 'detail-seeking', clause: 'need more product information before they decide' },
  'obstacle.stock': { noun: 'restock watchers', adjective: 'restock-watching', clause: 'wait for sold-out items' },
  'obstacle.website': { noun: 'site strugglers', adjective: 'tech-troubled', clause: 'run into website and app problems' },
  'obstacle.pricing': { noun: 'bargain hunters', adjective: 'price-sensitive', clause: 'push back on prices and shipping costs' },
  'obstacle.service': { noun: 'frustrated customers', adjective: 'frustrated', clause: 'find the service slow or unhelpful' },
  'upsell.premium': { noun: 'upgraders', adjective: 'premium-seeking', clause: 'ask about better and bigger versions' },
  'upsell.accessory': { noun: 'accessorisers', adjective: 'add-on-loving', clause: 'look for matching accessories' },
  'upsell.bundle': { noun: 'bundle buyers', adjective: 'bundle-minded', clause: 'ask for sets and bundles' },
  'upsell.quantity': { noun: 'bulk buyers', adjective: 'bulk-buying', clause: 'buy several at once' },
  'upsell.service_addon': { noun: 'extras lovers', adjective: 'gift-wrapping', clause: 'want gift wrap, express delivery or a warranty' },
  'upsell.repeat': { noun: 'regulars', adjective: 'repeat', clause: 'reorder or subscribe' },
  'assortment.product': { noun: 'range explorers', adjective: 'range-stretching', clause: "ask for products the shop doesn't sell" },
  'assortment.brand': { noun: 'brand seekers', adjective: 'brand-loyal', clause: 'ask for brands outside the range' },
  'assortment.variant': {
    noun: 'variant seekers',
    adjective: 'variant-hunting',
    clause: 'ask for sizes, colours or cheaper versions that are not offered',
  },
  'assortment.perConversation': { noun: 'wishlisters', adjective: 'wishlisting', clause: 'often ask for things outside the range' },
  'value.price': {
    noun: 'bargain hunters',
    adjective: 'price-conscious',
    clause: 'care about price',
    low: 'hardly mention price',
    shared: { head: 'care about', object: 'price' },
  },
  'value.product': {
    noun: 'product connoisseurs',
    adjective: 'product-focused',
    clause: 'care about the product itself',
    shared: { head: 'care about', object: 'the product itself' },
  },
  'value.service': {
    noun: 'service seekers',
    adjective: 'service-minded',
    clause: 'care about service',
    shared: { head: 'care about', object: 'service' },
  },
  'value.delivery': {
    noun: 'delivery watchers',
    adjective: 'delivery-focused',
    clause: 'care about delivery',
    shared: { head: 'care about', object: 'delivery' },
  },
  'sentiment.negative': { noun: 'unhappy customers', adjective: 'unhappy', clause: 'sound negative' },
  'sentiment.positive': { noun: 'happy customers', adjective: 'cheerful', clause: 'sound positive' },
  'channel.chat': { noun: 'chatters', adjective: 'chat-first', clause: 'prefer chat' },
  'channel.email': { noun: 'e-mailers', adjective: 'e-mailing', clause: 'prefer e-mail' },
  'channel.phone': { noun: 'callers', adjective: 'phone-first', clause: 'prefer the phone' },
  'channel.social': { noun: 'social media users', adjective: 'social', clause: 'reach out on social media' },
  'channel.whatsapp': { noun: 'WhatsApp users', adjective: 'WhatsApp-first', clause: 'prefer WhatsApp' },
  'channel.form': { noun: 'form fillers', adjective: 'form-filling', clause: 'use the contact form' },
  'channel.store': { noun: 'store visitors', adjective: 'in-store', clause: 'come to the store' },
  'channel.other': { noun: 'other-channel users', adjective: 'other-channel', clause: 'use other channels' },
  'activity.conversations': { noun: 'frequent contacts', adjective: 'talkative', clause: 'get in touch often', low: 'rarely get in touch' },
  'activity.frequency': { noun: 'frequent contacts', adjective: 'frequent', clause: 'get in touch at short intervals' },
  'activity.recency': {
    noun: 'lapsed customers',
    adjective: 'lapsed',
    clause: 'have not been in touch for a while',
    low: 'were in touch recently',
  },
  'activity.tenure': {
    noun: 'long-standing customers',
    adjective: 'long-standing',
    clause: 'have been customers for long',
    low: 'are new',
  },
  'commerce.orderCount': { noun: 'loyal customers', adjective: 'loyal', clause: 'order often', low: 'have ordered little' },
  'commerce.totalSpend': { noun: 'big spenders', adjective: 'big-spending', clause: 'spend a lot', low: 'spend little' },
};

const NL: Table = {
  'intent.purchase_motive': {
    noun: 'doelgerichte kopers',
    adjective: 'doelgerichte',
    clause: 'vertellen waarom ze kopen',
    low: 'zeggen zelden waarom ze kopen',
  },
  'intent.obstacle': {
    noun: 'klanten met problemen',
    adjective: 'geplaagde',
    clause: 'lopen vaak tegen problemen aan',
    low: 'lopen zelden tegen problemen aan',
  },
  'intent.upsell_signal': {
    noun: 'meerkopers',
    adjective: 'koopgrage',
    clause: 'staan open voor meer kopen',
    low: 'kopen zelden meer dan ze kwamen halen',
  },
  'intent.assortment_request': {
    noun: 'wensenlijstjesmakers',
    adjective: 'wensende',
    clause: 'vragen naar wat de winkel mist',
    low: 'vinden wat ze zoeken in het assortiment',
  },
  'motive.gift': { noun: 'cadeaukopers', adjective: 'cadeaugevende', clause: 'kopen cadeaus voor anderen' },
  'motive.travel': { noun: 'reizigers', adjective: 'reislustige', clause: 'kopen voor reizen en vakanties' },
  'motive.hobby': { noun: 'hobbyisten', adjective: 'gepassioneerde', clause: 'kopen voor een hobby of passie' },
  'motive.life_event': {
    noun: 'levensplanners',
    adjective: 'vooruitplannende',
    clause: 'kopen voor een baby, bruiloft, verhuizing of andere mijlpaal',
  },
  'motive.replacement': { noun: 'vervangers', adjective: 'praktische', clause: 'vervangen wat kapot of versleten is' },
  'motive.home_project': { noun: 'klussers', adjective: 'klussende', clause: 'kopen voor projecten in en om het huis' },
  'motive.work_study': { noun: 'werkers en studenten', adjective: 'werkgerichte', clause: 'kopen voor werk of studie' },
  'motive.health': { noun: 'gezondheidszoekers', adjective: 'gezondheidsbewuste', clause: 'kopen voor gezondheid en comfort' },
  'motive.other': { noun: 'doelgerichte kopers', adjective: 'doelbewuste', clause: 'kopen met een eigen duidelijk doel' },
  'obstacle.delivery': { noun: 'pakketjagers', adjective: 'deadlinegedreven', clause: 'jagen op late of zoekgeraakte pakketten' },
  'obstacle.payment': {
    noun: 'vastgelopen betalers',
    adjective: 'kortingscodezoekende',
    clause: 'lopen vast bij betalen en kortingscodes',
  },
  'obstacle.returns': { noun: 'retourneerders', adjective: 'retourgevoelige', clause: 'worstelen met retouren en terugbetalingen' },
  'obstacle.product_quality': {
    noun: 'kwaliteitscritici',
    adjective: 'kwaliteitskritische',
    clause: 'melden defecten en verkeerde artikelen',
  },
  'obstacle.product_info': { noun: 'uitzoekers', adjective: 'detailzoekende', clause: 'missen productinformatie om te kunnen kiezen' },
  'obstacle.stock': { noun: 'voorraadwachters', adjective: 'geduldige', clause: 'wachten op uitverkochte artikelen' },
  'obstacle.website': { noun: 'techpechvogels', adjective: 'techgeplaagde', clause: 'lopen tegen website- en appproblemen aan' },
  'obstacle.pricing': { noun: 'koopjesjagers', adjective: 'prijsgevoelige', clause: 'vinden prijzen en verzendkosten te hoog' },
  'obstacle.service': { noun: 'gefrustreerde klanten', adjective: 'gefrustreerde', clause: 'vinden de service traag of onbehulpzaam' },
  'upsell.premium': { noun: 'upgraders', adjective: 'premiumzoekende', clause: 'vragen naar betere en grotere versies' },
  'upsell.accessory': { noun: 'accessoirekopers', adjective: 'accessoireminnende', clause: 'zoeken passende accessoires' },
  'upsell.bundle': { noun: 'setkopers', adjective: 'setgerichte', clause: 'vragen naar sets en bundels' },
  'upsell.quantity': { noun: 'bulkkopers', adjective: 'bulkkopende', clause: 'kopen er meerdere tegelijk' },
  'upsell.service_addon': {
    noun: "extra's-liefhebbers",
    adjective: 'inpakgrage',
    clause: 'willen cadeauverpakking, spoedlevering of garantie',
  },
  'upsell.repeat': { noun: 'vaste klanten', adjective: 'trouwe', clause: 'bestellen opnieuw of nemen een abonnement' },
  'assortment.product': {
    noun: 'assortimentsverkenners',
    adjective: 'verkennende',
    clause: 'vragen naar producten die de winkel niet verkoopt',
  },
  'assortment.brand': { noun: 'merkzoekers', adjective: 'merkbewuste', clause: 'vragen naar merken buiten het assortiment' },
  'assortment.variant': {
    noun: 'variantzoekers',
    adjective: 'variantzoekende',
    clause: 'vragen naar maten, kleuren of goedkopere versies die er niet zijn',
  },
  'assortment.perConversation': {
    noun: 'wensenlijstjesmakers',
    adjective: 'wensende',
    clause: 'vragen vaak naar dingen buiten het assortiment',
  },
  'value.price': {
    noun: 'koopjesjagers',
    adjective: 'prijsbewuste',
    clause: 'letten op de prijs',
    low: 'hebben het zelden over de prijs',
    shared: { head: 'letten op', object: 'de prijs' },
  },
  'value.product': {
    noun: 'productkenners',
    adjective: 'productgerichte',
    clause: 'letten op het product zelf',
    shared: { head: 'letten op', object: 'het product zelf' },
  },
  'value.service': {
    noun: 'servicezoekers',
    adjective: 'servicegerichte',
    clause: 'letten op service',
    shared: { head: 'letten op', object: 'service' },
  },
  'value.delivery': {
    noun: 'leveringsbewakers',
    adjective: 'leveringsgerichte',
    clause: 'letten op de levering',
    shared: { head: 'letten op', object: 'de levering' },
  },
  'sentiment.negative': { noun: 'ontevreden klanten', adjective: 'ontevreden', clause: 'klinken negatief' },
  'sentiment.positive': { noun: 'tevreden klanten', adjective: 'vrolijke', clause: 'klinken positief' },
  'channel.chat': { noun: 'chatters', adjective: 'chattende', clause: 'kiezen voor de chat' },
  'channel.email': { noun: 'mailers', adjective: 'mailende', clause: 'kiezen voor e-mail' },
  'channel.phone': { noun: 'bellers', adjective: 'bellende', clause: 'kiezen voor de telefoon' },
  'channel.social': { noun: 'sociale-mediagebruikers', adjective: 'sociale', clause: 'kiezen voor sociale media' },
  'channel.whatsapp': { noun: 'WhatsApp-gebruikers', adjective: 'appende', clause: 'kiezen voor WhatsApp' },
  'channel.form': { noun: 'formulierinvullers', adjective: 'formulierinvullende', clause: 'gebruiken het contactformulier' },
  'channel.store': { noun: 'winkelbezoekers', adjective: 'winkelende', clause: 'komen naar de winkel' },
  'channel.other': { noun: 'gebruikers van andere kanalen', adjective: 'andere', clause: 'gebruiken andere kanalen' },
  'activity.conversations': {
    noun: 'vaste contacten',
    adjective: 'spraakzame',
    clause: 'nemen vaak contact op',
    low: 'nemen zelden contact op',
  },
  'activity.frequency': { noun: 'vaste contacten', adjective: 'frequente', clause: 'nemen kort na elkaar contact op' },
  'activity.recency': {
    noun: 'slapende klanten',
    adjective: 'slapende',
    clause: 'hebben al een tijd geen contact gehad',
    low: 'hadden kort geleden contact',
  },
  'activity.tenure': { noun: 'trouwe klanten', adjective: 'langjarige', clause: 'zijn al lang klant', low: 'zijn nieuw' },
  'commerce.orderCount': { noun: 'trouwe klanten', adjective: 'trouwe', clause: 'bestellen vaak', low: 'hebben weinig besteld' },
  'commerce.totalSpend': { noun: 'grote besteders', adjective: 'kooplustige', clause: 'geven veel uit', low: 'geven weinig uit' },
};

const TABLES: Record<Language, Table> = { en: EN, nl: NL };

export function phraseFor(feature: string, language: Language): Phrase | undefined {
  return TABLES[language][feature];
}

/** Fallback names and glue words. */
export const WORDS: Record<Language, { customers: string; and: string; everyone: string }> = {
  en: { customers: 'customers', and: 'and', everyone: 'Customers like the average' },
  nl: { customers: 'klanten', and: 'en', everyone: 'Klanten zoals het gemiddelde' },
};
