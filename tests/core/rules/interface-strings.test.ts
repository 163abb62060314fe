import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { interfaceStrings, mayBeNotice, ungatedNoticeReason } from '../../../src/core/rules/interface-strings.js';
import { flagged, measuredPage } from '../../helpers/page.js';

describe('interface-strings', () => {
  it.each([
    'Submit a Correction',
    'Accessibility Feedback',
    'Share this article',
    'Share on Facebook',
    'Follow us on Twitter',
    'Subscribe',
    'Sign in',
    'Advertisement',
    'Skip to content',
    '© 2024 Example Media Group. All rights reserved.',
    'Copyright 2019 The Company',
    'We use cookies to give you the best experience on our website. By continuing to use this site you agree.',
    'Sign up for our daily newsletter and get the best stories delivered to your inbox.',
    'Get the latest headlines in your inbox every morning',
    'Let our stories meet your inbox. The news that matters, delivered on weekday mornings.',
    'Get More Stories Like This in Your Inbox!',
    'Receive breaking news alerts straight into your inbox.',
    'Get our best stories sent to your inbox.',
    'Get the latest updates right in your inbox. The stories that matter to you, chosen by our editors, every weekday morning.',
    'Let our newsletters meet your inbox',
    'Get the news that matters in your inbox every morning.',
    'Get local news in your inbox.',
    'Get latest headlines in your inbox',
    'Receive best stories of the week in your inbox',
    'Get breaking alerts in your inbox.',
    'Get the best stories of the week in your inbox',
    'Get top headlines in your inbox daily',
    'Home › News › World',
    'Teilen',
    'Publicité',
    '» Comments (12)',
    'Follow The Daily Herald on Facebook, Twitter and Instagram.',
    'Join our reader forums to keep talking about the news, and send us your tips!',
    'This video is no longer available.',
    'This video is playable across all supported devices.',
    'Your browser does not support the video tag.',
    'To view this video please enable JavaScript, and consider upgrading to a web browser that supports HTML5 video',
    'This page is best viewed in an up-to-date web browser with style sheets (CSS) enabled.',
    'For the best experience on our site, please update to a modern browser.',
    'Your browser is out of date. Update your browser for more security, speed and the best experience on this site.',
    'Email Jane Roe at jroe@news.example or follow her @janeroe. Follow us on Twitter and on Facebook.',
    'Have a tip? Jane Roe may be reached at jroe@news.example. Follow her on Twitter @janeroe.',
    'Write to Jane Roe at jane.roe@news.example',
    'Image 1 of 5',
    '3 of 12',
  ])('fires on "%s"', (line) => {
    expect(flagged(interfaceStrings, line)).toEqual([line]);
  });

  it.each([
    'Sharing the load, the two teams agreed to split the cost of the new stadium.',
    'She signed in at the front desk and waited for the interview to begin.',
    'Browsers store small files called cookies, and regulators have spent years arguing about how they may be used by advertisers.',
    'The advertisement, which ran on national television, was withdrawn after complaints.',
    'Follow the river north for two miles and you reach the old mill.',
    'Join us next week, when the council meets again to vote on the budget.',
    'The video has been viewed more than two million times since Sunday.',
    'Get rid of the spam in your inbox by setting up filters in the settings menu.',
    'The app sorts the mail in your inbox by sender and by date.',
    '“Get it in your inbox,” the advertisement promised.',
    'Get this: the advertisement promised “the latest news in your inbox.”',
    'Get well soon, the team wrote. Updates will follow in your inbox',
    'Let the news wait. Nothing new will land in your inbox',
    'Get the news stories in your inbox sorted by sender.',
    'Let Gmail sort newsletters in your inbox. Open the settings and choose the filters, then create a new one.',
    'Get rid of old newsletters in your inbox.',
    'Get fewer news alerts in your inbox.',
    'Receive Google Alerts in your inbox.',
    'Get news from your favourite sites in your inbox with RSS.',
    'Get more out of newsletters in your inbox.',
    'Get on top of newsletters in your inbox.',
    'Get rid of more newsletters in your inbox.',
    'Get fewer breaking news alerts in your inbox.',
    'Get less breaking news in your inbox.',
    'Receive Google Alerts about the latest news in your inbox.',
    'Let Feedly send the latest stories from your blogs to your inbox.',
    'Get the latest news in your inbox?',
    'Get our opinion on what the rising prices for energy and food mean for the news business in your inbox',
    'Get the latest news about breaches and about the companies that lost your personal data in your inbox',
    'Get a list of all the websites and services that have our personal data, and the latest news about breaches, in your inbox',
    'Get the news stories in your inbox sorted by setting up a filter for each sender in the settings menu.',
    'With the new app, you get the news alerts in your inbox.',
    'Get ready for a flood of campaign emails in your inbox.',
    'Let Outlook sort the messages in your inbox.',
    'Receive a verification link in your inbox.',
    'Get a confirmation code sent to your inbox.',
    'Have the latest news stories land in your inbox.',
    `Get the latest news in your inbox. ${'Then open the settings, choose the filters and create a new one for each sender you want to keep. '.repeat(2)}`,
    'The video has been removed from YouTube, a spokesman said.',
    'Join us for a community meeting on Tuesday at the library.',
    'The comet is best viewed in the hour before dawn, away from city lights.',
    'The update makes Edge a more modern browser, the company said on Tuesday.',
    'Please update your browser as soon as possible, the company said in a statement on Tuesday.',
    'The fake pop-up tells users that your browser is out of date and asks them to download a file.',
    'As always, please feel free to e-mail feedback@news.example with your comments on the new app.',
    'Police said the threats were sent from an account, angry.writer@mail.example, that was opened in May.',
    'Police asked anyone with information to contact Detective John Smith at jsmith@police.example or to call the tip line.',
    'Organizers said that volunteers who want to help can be reached at help@shelter.example before the weekend.',
    'Police said Detective John Smith can be reached at jsmith@police.example by anyone with information.',
    `This video is unavailable in ${'many countries because the broadcaster holds the rights only at home, '.repeat(3)}so viewers abroad see a notice.`,
  ])('does not fire on "%s"', (line) => {
    expect(flagged(interfaceStrings, line)).toEqual([]);
  });

  it.each([
    ['This video is no longer available.', 'video player message'],
    ['Follow The Daily Herald on Facebook, Twitter and Instagram.', 'call to follow or join the site'],
    // A prompt that is also a notice: its start routes it to the prompts, and NOTICES still reads the rest.
    ['Follow the steps to unsubscribe at any time.', 'notice (cookies, newsletter, copyright, appeal)'],
    ['© 2024 Example Media Group. All rights reserved.', 'notice (cookies, newsletter, copyright, appeal)'],
    ['Write to Jane Roe at jane.roe@news.example', 'request to write to the writer'],
    ['This page is best viewed in an up-to-date web browser with style sheets (CSS) enabled.', "notice that the reader's browser is too old"],
  ])('names why "%s" is a notice', (line, reason) => {
    expect(interfaceStrings.find(measuredPage(line)).map((f) => f.reason)).toEqual([reason]);
  });
});

describe('mayBeNotice, the gate in front of the notice patterns', () => {
  // One line for each alternative of the patterns behind the gate, with the keyword where the gate must
  // still see it: after punctuation, joined to a word where the pattern allows it, in each language.
  it.each([
    'this website uses cookies to improve your experience.',
    '(we use cookies.)',
    'accept all cookies',
    'cookie preferences',
    'by continuing to browse this site you agree.',
    'by using our website you accept.',
    'utilizziamo i cookie per migliorare il sito.',
    'wir verwenden cookies.',
    'nous utilisons des cookies.',
    'utilizamos cookies propias.',
    'usamos cookies.',
    'sign up for our enewsletter',
    'sign up to the weekly enewsletter',
    'subscribe to our newsletter',
    'get the daily enewsletter',
    'delivered straight to your letterbox',
    'enter your e-mail address',
    'foo and bar are registered trademarks of example inc.',
    'these statements have not been evaluated by the food and drug administration.',
    'the information contained in this website is for general guidance.',
    'you can unsubscribe at any time. no spam.',
    '(c) example news',
    '©2024 example news',
    'example news ©example',
    'copyright example news',
    'all rights reserved.',
    'alle rechte vorbehalten.',
    'tous droits réservés.',
    'todos los derechos reservados.',
    'tutti i diritti riservati.',
    'this material may not be published, broadcast, rewritten or redistributed.',
    'you have 3 free articles left this month.',
    'this story has been automatically generated from a syndicated feed.',
    '[click here to subscribe]',
    'get the latest headlines in your inbox every morning',
    'we need your financial support.',
    'support our journalism.',
    'please disable your adblocker.',
    'we have a small favor to ask.',
    'sorry, the video is currently unavailable.',
    'video unavailable',
    'this browser does not support the video element.',
    'to view this video please enable javascript.',
    'this page is best viewed in an up-to-date web browser.',
    'you are using an outdated browser.',
    'follow us on instagram',
    'join our community forums',
  ])('lets "%s" through, and it is a notice', (lower) => {
    expect(ungatedNoticeReason(lower)).toBeDefined();
    expect(mayBeNotice(lower)).toBe(true);
  });

  it('stops a line with no notice word', () => {
    expect(mayBeNotice('the council voted on tuesday to approve the budget.')).toBe(false);
    // The words inside a word are no notice words.
    expect(mayBeNotice('the fortunecookies and the xbrowser')).toBe(false);
  });

  it('lets through every line the patterns behind it call a notice', () => {
    // Lines pieced together from the patterns' words, joined to other words and punctuation every way.
    const piece = fc.constantFrom(
      'cookie', 'cookies', 'we use', 'by using', 'our site', 'copyright', '©', '(c)', 'c', 'sign up for', 'get', 'the', 'our', 'e',
      'newsletter', 'subscribe to', 'un', 'rights reserved', 'all', 'your inbox', 'in', 'latest', 'news', 'we need your', 'support',
      'browser', 'web', 'best viewed in', 'please update', 'your', 'this video is', 'unavailable', 'video', 'follow', 'join', 'us on',
      'twitter', 'click here to', 'no spam', 'x', '2024', 'sorry,', 'to view this video',
    );
    const glue = fc.constantFrom(' ', '', '. ', ', ', '(', ')', '-', '"');
    const line = fc.array(fc.tuple(piece, glue), { maxLength: 8 }).map((parts) => parts.map(([p, g]) => p + g).join('').trim());
    fc.assert(
      fc.property(line, (lower) => ungatedNoticeReason(lower) === undefined || mayBeNotice(lower)),
      { numRuns: 20000 },
    );
  });
});
