"use strict";
// Builds the report from the JSON in #report-data. Every text goes in through textContent or an
// attribute, never as markup, so names from the scanned repository stay text.
(function () {
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const PAGE = 100;
  const PLACES_PAGE = 500;
  const groupsEl = document.getElementById("groups");
  const moreEl = document.getElementById("more");
  const shownEl = document.getElementById("shown");
  const controls = {
    search: document.getElementById("search"),
    rule: document.getElementById("rule"),
    verdict: document.getElementById("verdict"),
    reach: document.getElementById("reach"),
  };

  function el(tag, attributes, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      node.setAttribute(name, value);
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function link(text, url) {
    if (!url) {
      return el("span", { class: "mono" }, text);
    }
    return el("a", { href: url, class: "mono", rel: "noreferrer noopener", target: "_blank" }, text);
  }

  function verdictOf(group) {
    return group.verification ? group.verification.status : "unverified";
  }

  function reachFilterOf(group) {
    return group.reach === "head" ? "head"
      : group.reach === "files" ? "files"
      : group.reach === "unreachable" ? "unreachable"
      : "history";
  }

  const groups = data.tokens.map(function (group) {
    const places = group.findings.map(function (i) { return data.findings[i]; });
    const text = [group.redacted, group.fingerprint, group.ruleId, group.reachText, group.counts]
      .concat(group.refs)
      .concat(group.verification ? [group.verification.summary] : [])
      .concat(places.map(function (p) { return [p.where, p.author || "", p.commit || "", p.objectId || ""].join(" "); }))
      .join("\n").toLowerCase();
    return { group: group, places: places, text: text, element: null };
  });

  for (const rule of data.rules) {
    controls.rule.appendChild(el("option", { value: rule }, rule));
  }

  function timeline(places) {
    const times = places.filter(function (p) { return p.date; }).map(function (p) { return Date.parse(p.date); }).filter(function (t) { return !isNaN(t); });
    if (times.length === 0) {
      return null;
    }
    const svgNs = "http://www.w3.org/2000/svg";
    const first = Math.min.apply(null, times);
    const last = Math.max.apply(null, times);
    const svg = document.createElementNS(svgNs, "svg");
    svg.setAttribute("class", "timeline");
    svg.setAttribute("viewBox", "0 0 400 26");
    svg.setAttribute("preserveAspectRatio", "none");
    svg.setAttribute("role", "img");
    const day = function (t) { return new Date(t).toISOString().slice(0, 10); };
    svg.setAttribute("aria-label", "introduced from " + day(first) + " to " + day(last));
    const axis = document.createElementNS(svgNs, "line");
    axis.setAttribute("x1", "10"); axis.setAttribute("x2", "390"); axis.setAttribute("y1", "8"); axis.setAttribute("y2", "8");
    svg.appendChild(axis);
    const seen = new Set();
    for (const t of times) {
      const x = last === first ? 200 : 10 + (380 * (t - first)) / (last - first);
      const key = Math.round(x);
      if (seen.has(key)) {
        continue;
      }
      seen.add(key);
      const dot = document.createElementNS(svgNs, "circle");
      dot.setAttribute("cx", String(x)); dot.setAttribute("cy", "8"); dot.setAttribute("r", "4");
      const title = document.createElementNS(svgNs, "title");
      title.textContent = day(t);
      dot.appendChild(title);
      svg.appendChild(dot);
    }
    const from = document.createElementNS(svgNs, "text");
    from.setAttribute("x", last === first ? "200" : "10"); from.setAttribute("y", "24");
    from.setAttribute("text-anchor", last === first ? "middle" : "start");
    from.textContent = day(first);
    svg.appendChild(from);
    if (last !== first) {
      const to = document.createElementNS(svgNs, "text");
      to.setAttribute("x", "390"); to.setAttribute("y", "24"); to.setAttribute("text-anchor", "end");
      to.textContent = day(last);
      svg.appendChild(to);
    }
    return svg;
  }

  function placesTable(places, body, from) {
    const end = Math.min(places.length, from + PLACES_PAGE);
    for (let i = from; i < end; i++) {
      const p = places[i];
      const row = el("tr");
      const commitCell = el("td");
      commitCell.appendChild(p.commit ? link(p.commit.slice(0, 12), p.commitUrl) : el("span", { class: "muted" }, p.objectId ? "unreachable " + p.objectId.slice(0, 12) : "-"));
      row.appendChild(commitCell);
      const pathCell = el("td");
      pathCell.appendChild(link(p.path, p.fileUrl));
      row.appendChild(pathCell);
      row.appendChild(el("td", { class: "mono" }, p.line ? String(p.line) : "binary"));
      row.appendChild(el("td", {}, [p.author || "", p.date ? p.date.slice(0, 10) : ""].join(" ").trim()));
      row.appendChild(el("td", {}, p.atHead ? "at HEAD" : p.unreachable ? "unreachable" : ""));
      body.appendChild(row);
    }
    return end;
  }

  function render(entry) {
    if (entry.element) {
      return entry.element;
    }
    const g = entry.group;
    const article = el("article", { class: "group", "data-fingerprint": g.fingerprint, "data-reach": g.reach, "data-verdict": verdictOf(g), "data-rule": g.ruleId });
    const title = el("h2");
    title.appendChild(el("span", { class: "mono redacted" }, g.redacted));
    title.appendChild(el("span", { class: "badge" }, g.ruleId));
    if (g.verification) {
      title.appendChild(el("span", { class: "badge " + g.verification.status }, g.verification.summary));
    }
    if (g.reach === "head") {
      title.appendChild(el("span", { class: "badge head" }, "at HEAD"));
    }
    article.appendChild(title);
    article.appendChild(el("p", {}, g.counts));
    if (g.firstCommit) {
      const first = el("p");
      first.appendChild(document.createTextNode("first introduced in "));
      const firstPlace = entry.places.find(function (p) { return p.commit === g.firstCommit.id; });
      first.appendChild(link(g.firstCommit.id.slice(0, 12), firstPlace ? firstPlace.commitUrl : null));
      first.appendChild(document.createTextNode((g.firstCommit.date ? " on " + g.firstCommit.date.slice(0, 10) : "") + (g.firstCommit.author ? " by " + g.firstCommit.author : "")));
      article.appendChild(first);
    }
    article.appendChild(el("p", { class: "reach" }, g.reachText));
    if (g.refs.length > 0) {
      article.appendChild(el("p", { class: "muted mono refs" }, "refs: " + g.refs.join(", ")));
    }
    article.appendChild(el("p", { class: "muted mono" }, "fingerprint " + g.fingerprint));
    const svg = timeline(entry.places);
    if (svg) {
      article.appendChild(svg);
    }
    const details = el("details", { class: "places" });
    details.appendChild(el("summary", {}, entry.places.length === 1 ? "1 place" : entry.places.length + " places"));
    details.addEventListener("toggle", function () {
      if (!details.open || details.querySelector("table")) {
        return;
      }
      const table = el("table");
      const head = el("tr");
      for (const name of ["commit", "path", "line", "author and date", ""]) {
        head.appendChild(el("th", {}, name));
      }
      table.appendChild(el("thead")).appendChild(head);
      const body = el("tbody");
      table.appendChild(body);
      let next = placesTable(entry.places, body, 0);
      details.appendChild(table);
      if (next < entry.places.length) {
        const more = el("button", { type: "button" }, "more places");
        more.addEventListener("click", function () {
          next = placesTable(entry.places, body, next);
          if (next >= entry.places.length) {
            more.remove();
          }
        });
        details.appendChild(more);
      }
    });
    article.appendChild(details);
    entry.element = article;
    return article;
  }

  let matching = [];
  let rendered = 0;

  function matches(entry, query) {
    const g = entry.group;
    return (!controls.rule.value || g.ruleId === controls.rule.value)
      && (!controls.verdict.value || verdictOf(g) === controls.verdict.value)
      && (!controls.reach.value || reachFilterOf(g) === controls.reach.value)
      && (!query || entry.text.includes(query));
  }

  function renderMore() {
    const end = Math.min(matching.length, rendered + PAGE);
    const fragment = document.createDocumentFragment();
    for (; rendered < end; rendered++) {
      fragment.appendChild(render(matching[rendered]));
    }
    groupsEl.appendChild(fragment);
    moreEl.hidden = rendered >= matching.length;
  }

  function apply() {
    const query = controls.search.value.trim().toLowerCase();
    matching = groups.filter(function (entry) { return matches(entry, query); });
    groupsEl.replaceChildren();
    rendered = 0;
    renderMore();
    shownEl.textContent = matching.length === groups.length
      ? groups.length + (groups.length === 1 ? " token" : " tokens")
      : matching.length + " of " + groups.length + " tokens";
  }

  let pending = 0;
  controls.search.addEventListener("input", function () {
    clearTimeout(pending);
    pending = setTimeout(apply, 120);
  });
  for (const name of ["rule", "verdict", "reach"]) {
    controls[name].addEventListener("change", apply);
  }
  moreEl.addEventListener("click", renderMore);
  if ("IntersectionObserver" in window) {
    new IntersectionObserver(function (seen) {
      if (seen.some(function (e) { return e.isIntersecting; }) && !moreEl.hidden) {
        renderMore();
      }
    }, { rootMargin: "600px" }).observe(moreEl);
  }
  apply();
})();
