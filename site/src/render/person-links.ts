/**
 * The links people typed into records: links and images in a story's body or a figure's
 * biography, a story's media link, a placement's URL, an outlet's homepage. A broken one is
 * the record's problem, not the site's: it is reported as a warning naming the record and
 * the field, and never stops a release. Links the templates make are checked strictly
 * elsewhere; these are what that check leaves to this one.
 */
import type { BlockNode, InlineNode, SiteAddress, Story } from '@campaign-desk/shared';
import type { Campaign } from '../lib/campaign';

export type PersonLink = { url: string; where: string };

const label = (text: string) => (text.length > 30 ? `${text.slice(0, 30)}…` : text);

const inlineLinks = (nodes: InlineNode[]) => nodes.flatMap((node) => (node.type === 'link' ? [node.url] : []));

function blockLinks(blocks: BlockNode[]): string[] {
  return blocks.flatMap((block) => {
    switch (block.type) {
      case 'image':
        return [block.image.url];
      case 'list':
        return block.children.flatMap((child) => (child.type === 'list' ? blockLinks([child]) : inlineLinks(child.children)));
      default:
        return inlineLinks(block.children);
    }
  });
}

/** A story's links, read once per story (records are never mutated). */
const storyLinks = new WeakMap<Story, PersonLink[]>();

function linksOfStory(story: Story): PersonLink[] {
  let links = storyLinks.get(story);
  if (!links) {
    const who = `稿件《${label(story.title)}》（${story.documentId}）`;
    links = blockLinks(story.body).map((url) => ({ url, where: `${who}的正文（body）` }));
    if (story.mediaUrl) links.push({ url: story.mediaUrl, where: `${who}的媒体链接（mediaUrl）` });
    storyLinks.set(story, links);
  }
  return links;
}

/** Every link a person typed into a record the site shows, with where it was typed. */
export function personLinks(campaign: Campaign): PersonLink[] {
  const links: PersonLink[] = campaign.stories.all.flatMap(linksOfStory);
  for (const figure of campaign.records.figures) {
    for (const url of blockLinks(figure.biography))
      links.push({ url, where: `典型人物${figure.name}（${figure.documentId}）的事迹（biography）` });
  }
  for (const placement of campaign.placements.all) {
    if (placement.url) links.push({ url: placement.url, where: `上稿记录（${placement.documentId}）的网址（url）` });
  }
  for (const outlet of campaign.records.outlets) {
    if (outlet.homepage) links.push({ url: outlet.homepage, where: `媒体${outlet.name}（${outlet.documentId}）的网址（homepage）` });
  }
  return links;
}

/**
 * What is wrong with the person-written links that point into the site, each a line naming
 * the record and field. A link is the site's when the site's address reads a site path from it
 * (its host, under its path): the publisher's link check draws the same line. `exists` tells
 * whether a site path is published.
 */
export function checkPersonLinks(links: PersonLink[], site: SiteAddress, exists: (path: string) => boolean): string[] {
  const problems: string[] = [];
  for (const { url, where } of links) {
    let target: URL;
    try {
      target = new URL(url, site.root);
    } catch {
      problems.push(`${where}中的链接 “${url}” 不是有效的网址`);
      continue;
    }
    const sitePath = site.sitePath(target);
    if (sitePath === null) continue;
    let pathname: string;
    try {
      pathname = decodeURIComponent(sitePath);
    } catch {
      problems.push(`${where}中的链接 “${url}” 含有无法解码的字符`);
      continue;
    }
    if (!exists(pathname)) problems.push(`${where}中的链接 “${url}” 指向本站不存在的页面 ${site.path(pathname)}`);
  }
  return problems;
}
