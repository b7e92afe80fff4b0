/**
 * epub-gen-memory's templates (ejs), replaced: its defaults write an empty dc:description,
 * an invented copyright, `xml:lang="en"`, the clock as dcterms:modified and the TOC first in
 * the spine. Ours read everything from `book` (see `BookData`) and the chapter's `page`.
 */

/** The package document. The library's own `id` (a random uuid) is deliberately unused. */
export const contentOpf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="<%= book.lang %>"<% if (book.dir === 'rtl') { %> dir="rtl"<% } %>>
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="pub-id"><%= book.identifier %></dc:identifier>
    <dc:title id="title"><%= book.title %></dc:title>
<% if (book.description) { -%>
    <dc:description><%= book.description %></dc:description>
<% } -%>
<% book.creators.forEach(function (creator, i) { -%>
    <dc:creator id="creator-<%= i + 1 %>"><%= creator %></dc:creator>
<% }) -%>
    <dc:publisher><%= book.publisher %></dc:publisher>
    <dc:date><%= book.date %></dc:date>
<% book.languages.forEach(function (lang) { -%>
    <dc:language><%= lang %></dc:language>
<% }) -%>
    <meta property="dcterms:modified"><%= book.modified %></meta>
<% book.a11y.accessModes.forEach(function (mode) { -%>
    <meta property="schema:accessMode"><%= mode %></meta>
<% }) -%>
<% book.a11y.sufficient.forEach(function (modes) { -%>
    <meta property="schema:accessModeSufficient"><%= modes %></meta>
<% }) -%>
<% book.a11y.features.forEach(function (feature) { -%>
    <meta property="schema:accessibilityFeature"><%= feature %></meta>
<% }) -%>
    <meta property="schema:accessibilityHazard">none</meta>
    <meta property="schema:accessibilitySummary" xml:lang="en"><%= book.a11y.summary %></meta>
    <meta name="cover" content="cover-image"/>
  </metadata>
  <manifest>
    <item id="nav" href="toc.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="css" href="style.css" media-type="text/css"/>
    <item id="cover-image" href="cover.<%= cover.extension %>" media-type="<%= cover.mediaType %>" properties="cover-image"/>
<% content.forEach(function (chapter) { -%>
    <item id="<%= chapter.id %>" href="<%= chapter.filename %>" media-type="application/xhtml+xml"/>
<% }) -%>
<% images.forEach(function (image) { -%>
    <item id="<%= image.id %>" href="images/<%= image.id %>.<%= image.extension %>" media-type="<%= image.mediaType %>"/>
<% }) -%>
<% book.fonts.forEach(function (font) { -%>
    <item id="<%= font.id %>" href="fonts/<%= font.filename %>" media-type="font/ttf"/>
<% }) -%>
  </manifest>
  <spine toc="ncx"<% if (book.dir === 'rtl') { %> page-progression-direction="rtl"<% } %>>
<% content.forEach(function (chapter) { -%>
    <itemref idref="<%= chapter.id %>"/>
<% }) -%>
    <itemref idref="nav" linear="no"/>
  </spine>
  <guide>
    <reference type="cover" title="<%= book.labels.cover %>" href="cover.xhtml"/>
    <reference type="text" title="<%= book.chapters[0].title %>" href="<%= book.chapters[0].filename %>"/>
  </guide>
</package>
`;

/** One content document: the release (or the cover page) with its own language and direction. */
export const chapterXhtml = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="<%= page.lang %>" xml:lang="<%= page.lang %>"<% if (page.dir === 'rtl') { %> dir="rtl"<% } %>>
<head>
<meta charset="UTF-8"/>
<title><%= page.title %></title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<% if (page.cover) { -%>
<body epub:type="cover" style="margin: 0; padding: 0; text-align: center;">
<img role="doc-cover" src="cover.<%= page.cover.extension %>" alt="<%= page.cover.alt %>" style="max-width: 100%; max-height: 100%;"/>
</body>
<% } else { -%>
<body epub:type="bodymatter"<% Object.keys(page.bodyAttributes).forEach(function (name) { %> <%= name %>="<%= page.bodyAttributes[name] %>"<% }) %>>
<%- content.trim() %>
</body>
<% } -%>
</html>
`;

/** The navigation document: releases with their h2 headings, and the landmarks. */
export const tocXhtml = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="<%= book.lang %>" xml:lang="<%= book.lang %>"<% if (book.dir === 'rtl') { %> dir="rtl"<% } %>>
<head>
<meta charset="UTF-8"/>
<title><%= book.title %></title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
<nav epub:type="toc" id="toc" role="doc-toc">
<h1><%= book.labels.toc %></h1>
<ol>
<% book.chapters.forEach(function (chapter) { -%>
<li<% if (chapter.lang !== book.lang) { %> lang="<%= chapter.lang %>" xml:lang="<%= chapter.lang %>"<% } %>><a href="<%= chapter.filename %>"><%= chapter.title %></a>
<% if (chapter.sections.length) { -%>
<ol>
<% chapter.sections.forEach(function (section) { -%>
<li><a href="<%= chapter.filename %>#<%= section.id %>"><%= section.text %></a></li>
<% }) -%>
</ol>
<% } -%>
</li>
<% }) -%>
</ol>
</nav>
<nav epub:type="landmarks" id="landmarks" hidden="hidden">
<h2><%= book.labels.landmarks %></h2>
<ol>
<li><a epub:type="cover" href="cover.xhtml"><%= book.labels.cover %></a></li>
<li><a epub:type="bodymatter" href="<%= book.chapters[0].filename %>"><%= book.labels.start %></a></li>
</ol>
</nav>
</body>
</html>
`;

/** The NCX for EPUB 2 readers: the same entries as the nav, numbered in reading order. */
export const tocNcx = `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="<%= book.lang %>">
<head>
<meta name="dtb:uid" content="<%= book.identifier %>"/>
<meta name="dtb:depth" content="<%= book.chapters.some(function (c) { return c.sections.length; }) ? 2 : 1 %>"/>
<meta name="dtb:totalPageCount" content="0"/>
<meta name="dtb:maxPageNumber" content="0"/>
</head>
<docTitle><text><%= book.title %></text></docTitle>
<navMap>
<% var order = 0; book.chapters.forEach(function (chapter) { -%>
<navPoint id="nav-<%= chapter.id %>" playOrder="<%= ++order %>">
<navLabel><text><%= chapter.title %></text></navLabel>
<content src="<%= chapter.filename %>"/>
<% chapter.sections.forEach(function (section) { -%>
<navPoint id="nav-<%= chapter.id %>-<%= section.id %>" playOrder="<%= ++order %>">
<navLabel><text><%= section.text %></text></navLabel>
<content src="<%= chapter.filename %>#<%= section.id %>"/>
</navPoint>
<% }) -%>
</navPoint>
<% }) -%>
</navMap>
</ncx>
`;
