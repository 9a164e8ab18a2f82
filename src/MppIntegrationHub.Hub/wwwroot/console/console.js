// Operator console: plain browser JavaScript, no build step. Talks only to this hub's /connect/token and /api/v1/operator.
"use strict";

const TOKEN_KEY = "mpp-hub.operator.token";
const SVG_NS = "http://www.w3.org/2000/svg";
const REFRESH_MS = 4000;
const PAGE_SIZE = 15;
const TERMINAL = new Set(["completed", "failed", "cancelled"]);
const BAR_COLOURS = {
  succeeded: "#1e8e4f", running: "#1f5fbf", waiting: "#b58a00", "retry-scheduled": "#c77700",
  failed: "#c62f2f", compensated: "#7a4fc2", skipped: "#9aa4b2", pending: "#9aa4b2",
};

const state = { page: 1, total: 0, selected: null, timer: null, filters: { status: "", serviceCode: "", clientId: "" } };
const $ = (selector) => document.querySelector(selector);

// The token lives in sessionStorage: per tab, gone when the tab closes, never sent by the browser on its own (no CSRF),
// and the page's Content-Security-Policy admits only this origin's scripts.
function session() {
  const raw = sessionStorage.getItem(TOKEN_KEY);
  if (!raw) return null;
  const value = JSON.parse(raw);
  if (Date.now() >= value.expiresAt) {
    sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return value;
}

async function signIn(clientId, clientSecret) {
  const body = new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret, scope: "hub.operator" });
  const response = await fetch("/connect/token", { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.error_description || answer.error || `Sign-in refused (${response.status})`);
  const expiresAt = Date.now() + Math.max(60, (answer.expires_in || 1800) - 30) * 1000;
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify({ token: answer.access_token, clientId, expiresAt }));
}

function signOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  clearInterval(state.timer);
  state.timer = null;
  state.selected = null;
  show();
  $("#signin-error").textContent = message || "";
}

async function api(path, options = {}) {
  const current = session();
  if (!current) {
    signOut("Your session has ended; sign in again.");
    throw new Error("signed out");
  }
  const headers = { Authorization: `Bearer ${current.token}`, Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(`/api/v1/operator${path}`, {
    method: options.method || "GET", headers, body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (response.status === 401) {
    signOut("Your session has ended; sign in again.");
    throw new Error("signed out");
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const problem = new Error((data && (data.detail || data.title)) || `Request failed (${response.status})`);
    problem.status = response.status;
    throw problem;
  }
  return data;
}

// ---------- rendering helpers ----------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

const badge = (value) => el("span", { class: `status ${value}` }, value);
const shortId = (id) => id.slice(-12);

function when(iso) {
  if (!iso) return "—";
  const date = new Date(iso);
  const seconds = Math.round((Date.now() - date.getTime()) / 1000);
  const relative = Math.abs(seconds) < 60 ? `${Math.abs(seconds)}s` : Math.abs(seconds) < 3600 ? `${Math.round(Math.abs(seconds) / 60)}m`
    : Math.abs(seconds) < 86400 ? `${Math.round(Math.abs(seconds) / 3600)}h` : `${Math.round(Math.abs(seconds) / 86400)}d`;
  return seconds >= 0 ? `${relative} ago` : `in ${relative}`;
}

function duration(ms) {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60000) return `${+(ms / 1000).toFixed(ms < 10000 ? 1 : 0)}s`;
  if (ms < 3600000) return `${+(ms / 60000).toFixed(ms < 600000 ? 1 : 0)}m`;
  if (ms < 86400000) return `${+(ms / 3600000).toFixed(1)}h`;
  return `${+(ms / 86400000).toFixed(1)}d`;
}

// ---------- agencies ----------

function renderAgencies(agencies) {
  const cards = agencies.map((view) => {
    const agency = view.status;
    const reason = el("input", { placeholder: "Reason", size: 14, "aria-label": `Reason to stop ${agency.agency} retries` });
    const toggle = view.retriesEnabled
      ? el("button", { type: "button", class: "danger", "data-testid": `stop-retries-${agency.agency}`, onclick: () => stopRetries(agency.agency, reason) }, "Stop retries")
      : el("button", { type: "button", class: "primary", "data-testid": `resume-retries-${agency.agency}`, onclick: () => resumeRetries(agency.agency) }, "Resume retries");
    // Figures of the whole deployment: workers make most agency calls, each with its own breaker and quota.
    const deployment = view.deployment;
    const traffic = deployment.traffic;
    const open = deployment.processes.filter((p) => p.breaker !== "closed").length;
    return el("article", { class: `agency ${agency.health}${view.retriesEnabled ? "" : " retries-off"}`, "data-testid": `agency-${agency.agency}` },
      el("div", { class: "name" }, agency.agency, badge(agency.health)),
      el("dl", {},
        el("dt", {}, "Breaker"), el("dd", {}, badge(deployment.breaker), open ? ` in ${open} of ${deployment.processes.length}` : ""),
        el("dt", {}, "Processes"), el("dd", {}, deployment.processes.map((p) => p.role).join(", ")),
        el("dt", {}, "Quota left"), el("dd", {}, deployment.processes.map((p) => p.quotaAvailable ?? "—").join(" / ")),
        el("dt", {}, "Calls/min"), el("dd", {}, `${traffic.callsPerMinute}${traffic.failuresPerMinute ? ` (${traffic.failuresPerMinute} failed)` : ""}`),
        el("dt", {}, "Mean latency"), el("dd", {}, traffic.meanLatencyMs == null ? "—" : `${traffic.meanLatencyMs} ms`),
        el("dt", {}, "Adapters"), el("dd", {}, agency.adapters.map((a) => `${a.id} v${a.version}`).join(", "))),
      view.retriesEnabled ? null : el("div", { class: "reason" }, `Retries stopped ${when(view.retriesStoppedAt)}: ${view.retriesStoppedReason ?? ""}`),
      el("div", { class: "switch" }, view.retriesEnabled ? reason : el("span", { class: "state" }, "Retries parked"), toggle));
  });
  $("#agencies").replaceChildren(...cards);
}

async function stopRetries(agency, reasonInput) {
  const reason = reasonInput.value.trim() || "stopped from the operator console";
  await act(() => api(`/agencies/${encodeURIComponent(agency)}/retries/stop`, { method: "POST", body: { reason } }), `Retries to ${agency} stopped.`);
}

async function resumeRetries(agency) {
  await act(async () => {
    const result = await api(`/agencies/${encodeURIComponent(agency)}/retries/resume`, { method: "POST" });
    return result.resumedApplications;
  }, `Retries to ${agency} resumed.`);
}

// ---------- lists ----------

function row(application, cells, selected) {
  return el("tr", { class: selected ? "selected" : null, "data-id": application, onclick: () => select(application) }, cells.map((c) => el("td", c.attrs || {}, c.value)));
}

function renderAttention(stuck, failed) {
  const rows = new Map();
  for (const app of failed) {
    rows.set(app.id, [
      { value: el("span", { class: "mono" }, shortId(app.id)) }, { value: app.serviceCode }, { value: badge(app.status) },
      { value: app.currentStep ?? "—" }, { value: "—" }, { value: when(app.updatedAt) }, { value: app.statusReason ?? "", attrs: { class: "error-text" } },
    ]);
  }
  for (const app of stuck) {
    rows.set(app.applicationId, [
      { value: el("span", { class: "mono" }, shortId(app.applicationId)) }, { value: app.serviceCode }, { value: badge(app.status) },
      { value: `${app.stepId} (${app.stepStatus}, ${app.attempts}×)` }, { value: app.agency ?? "—" }, { value: when(app.since) },
      { value: app.lastError ?? app.reason ?? "", attrs: { class: "error-text" } },
    ]);
  }
  const body = [...rows.entries()].map(([id, cells]) => row(id, cells, id === state.selected));
  $("#attention").replaceChildren(...(body.length ? body : [el("tr", {}, el("td", { colspan: 7, class: "empty" }, "Nothing needs attention."))]));
  $("#attention-count").textContent = body.length ? `${body.length} application${body.length === 1 ? "" : "s"}` : "";
}

function renderApplications(page) {
  state.total = page.total;
  const body = page.items.map((app) => row(app.id, [
    { value: el("span", { class: "mono" }, shortId(app.id)) }, { value: app.clientId }, { value: app.serviceCode }, { value: badge(app.status) },
    { value: app.currentStep ?? "—" }, { value: when(app.submittedAt) }, { value: when(app.updatedAt) },
  ], app.id === state.selected));
  $("#applications").replaceChildren(...(body.length ? body : [el("tr", {}, el("td", { colspan: 7, class: "empty" }, "No applications match."))]));
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  $("#page-info").textContent = `Page ${page.page} of ${pages} · ${page.total} applications`;
  $("#prev").disabled = page.page <= 1;
  $("#next").disabled = page.page >= pages;
}

// ---------- detail and timeline ----------

async function select(id) {
  state.selected = id;
  $("#action-result").textContent = "";
  await refresh();
  $("#detail").scrollIntoView({ behavior: "smooth", block: "nearest" });
}

function renderDetail(view) {
  const app = view.application;
  $("#detail").hidden = false;
  $("#detail-id").textContent = app.id;
  const status = $("#detail-status");
  status.className = `status ${app.status}`;
  status.textContent = app.status;
  const fact = (label, value) => el("div", {}, el("dt", {}, label), el("dd", {}, value));
  $("#detail-facts").replaceChildren(
    fact("Client", view.clientId), fact("Service", `${app.serviceCode} (workflow v${app.workflowVersion})`),
    fact("Submitted", new Date(app.submittedAt).toLocaleString()), fact("Updated", when(app.updatedAt)),
    fact("Finished", app.completedAt ? new Date(app.completedAt).toLocaleString() : "—"),
    fact("Expected (p50 / p90)", app.expectedCompletion && !TERMINAL.has(app.status) ? `${when(app.expectedCompletion.p50)} / ${when(app.expectedCompletion.p90)}` : "—"),
    fact("Reason", app.statusReason ?? "—"), fact("Outputs", Object.keys(app.outputs || {}).join(", ") || "—"));
  drawTimeline(app);

  const failedSteps = app.steps.filter((s) => s.status === "failed");
  const retryStep = $("#retry-step");
  const previous = retryStep.value;
  retryStep.replaceChildren(...failedSteps.map((s) => el("option", { value: s.id }, s.id)));
  if (failedSteps.some((s) => s.id === previous)) retryStep.value = previous;
  const canRetry = app.status === "failed" && failedSteps.length > 0;
  retryStep.disabled = !canRetry;
  $("#retry").disabled = !canRetry;
  $("#cancel").disabled = TERMINAL.has(app.status) || app.status === "cancelling" || app.status === "compensating";
}

function niceTick(span) {
  const steps = [1e3, 2e3, 5e3, 1e4, 3e4, 6e4, 12e4, 3e5, 6e5, 18e5, 36e5, 72e5, 216e5, 432e5, 864e5, 1728e5, 6048e5];
  return steps.find((s) => span / s <= 8) || steps[steps.length - 1];
}

function drawTimeline(app) {
  const chart = $("#timeline");
  const laneHeight = 30;
  const top = 28;
  const labelWidth = 220;
  const width = Math.max(760, chart.parentElement.clientWidth - 2);
  const plot = width - labelWidth - 110;
  const terminal = TERMINAL.has(app.status);
  const start = Date.parse(app.submittedAt);
  const now = terminal ? Date.parse(app.completedAt || app.updatedAt) : Math.max(Date.now(), Date.parse(app.updatedAt));
  let end = now;
  for (const step of app.steps) {
    for (const t of [step.finishedAt, step.nextAttemptAt]) if (t) end = Math.max(end, Date.parse(t));
  }
  end = Math.max(end, start + 1000);
  const x = (t) => labelWidth + ((t - start) / (end - start)) * plot;
  const height = top + app.steps.length * laneHeight + 10;

  const children = [];
  const defs = svg("defs");
  const hatch = svg("pattern", { id: "hatch-waiting", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
  hatch.append(svg("rect", { width: 6, height: 6, fill: "#f3e2a6" }), svg("rect", { width: 3, height: 6, fill: BAR_COLOURS.waiting }));
  defs.append(hatch);
  children.push(defs);

  app.steps.forEach((step, index) => {
    const y = top + index * laneHeight;
    children.push(svg("rect", { class: `lane-bg${index % 2 ? " alt" : ""}`, x: 0, y, width, height: laneHeight }));
    children.push(svg("text", { class: "lane-label", x: 10, y: y + 13 }, step.id));
    children.push(svg("text", { class: "lane-sub", x: 10, y: y + 25 }, step.capability));
  });

  const tick = niceTick(end - start);
  for (let t = 0; t <= end - start; t += tick) {
    const tx = x(start + t);
    children.push(svg("line", { class: "gridline", x1: tx, x2: tx, y1: top - 6, y2: height - 10 }));
    children.push(svg("text", { class: "tick", x: tx, y: top - 10, "text-anchor": "middle" }, t === 0 ? "submitted" : `+${duration(t)}`));
  }

  app.steps.forEach((step, index) => {
    const y = top + index * laneHeight + 7;
    const group = svg("g", { "data-step": step.id, "data-status": step.status });
    const tip = [`${step.id}: ${step.status}`, `attempts: ${step.attempts}`];
    if (!step.startedAt) {
      group.append(svg("text", { class: "lane-sub", x: labelWidth + 6, y: y + 12 }, step.status === "skipped" ? "skipped" : "not started"));
    } else {
      const from = Date.parse(step.startedAt);
      const open = !step.finishedAt;
      const to = open ? now : Date.parse(step.finishedAt);
      const x1 = x(from);
      const barWidth = Math.max(4, x(to) - x1);
      const fill = step.status === "waiting" ? "url(#hatch-waiting)" : BAR_COLOURS[step.status] || BAR_COLOURS.pending;
      group.append(svg("rect", { x: x1, y, width: barWidth, height: 16, rx: 3, fill, stroke: BAR_COLOURS[step.status] || "none" }));
      tip.push(`started ${new Date(from).toLocaleString()}`, open ? "still open" : `took ${duration(to - from)}`);
      let labelX = x1 + barWidth + 6;
      if (step.status === "failed") {
        const fx = x1 + barWidth;
        group.append(svg("path", { d: `M${fx + 4},${y + 3} l10,10 m0,-10 l-10,10`, stroke: BAR_COLOURS.failed, "stroke-width": 2.5 }));
        labelX = fx + 20;
      }
      if (step.nextAttemptAt) {
        const nx = x(Date.parse(step.nextAttemptAt));
        group.append(svg("line", { x1: x1 + barWidth, x2: nx, y1: y + 8, y2: y + 8, stroke: BAR_COLOURS[step.status] || "#666", "stroke-dasharray": "4 3", "stroke-width": 1.5 }));
        group.append(svg("circle", { cx: nx, cy: y + 8, r: 5, fill: "#fff", stroke: BAR_COLOURS[step.status] || "#666", "stroke-width": 2 }));
        tip.push(`${step.status === "waiting" ? "next poll" : "next attempt"} ${when(step.nextAttemptAt)}`);
        labelX = Math.max(labelX, nx + 10);
      }
      if (step.attempts > 1) {
        group.append(svg("text", { class: "attempts outside", x: labelX, y: y + 12 }, `${step.attempts} attempts`));
      }
    }
    if (step.lastError) tip.push(`last error (${step.lastError.kind}): ${step.lastError.message}`);
    group.append(svg("title", {}, tip.join("\n")));
    children.push(group);
  });

  if (!terminal) {
    const nx = x(now);
    children.push(svg("line", { class: "now", x1: nx, x2: nx, y1: top - 4, y2: height - 10 }));
  }
  chart.setAttribute("width", width);
  chart.setAttribute("height", height);
  chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
  chart.replaceChildren(...children);
}

function renderLegend() {
  const items = [["succeeded", "succeeded"], ["running", "running"], ["waiting", "waiting on agency"], ["retry-scheduled", "retry scheduled"],
    ["failed", "failed"], ["compensated", "undone"], ["pending", "skipped / not started"]];
  $("#legend").replaceChildren(...items.map(([cls, label]) => el("span", { class: cls }, label)),
    el("span", { class: "pending" }, "○ next attempt or poll"));
}

// ---------- actions ----------

async function act(call, success) {
  const result = $("#action-result");
  try {
    await call();
    result.className = "action-result ok";
    result.textContent = success;
  } catch (error) {
    if (error.message === "signed out") return;
    result.className = "action-result bad";
    result.textContent = error.message;
  }
  await refresh();
}

async function retry() {
  const stepId = $("#retry-step").value;
  await act(() => api(`/applications/${state.selected}/retry`, { method: "POST", body: { stepId } }), `Re-running from ${stepId}.`);
}

async function cancel() {
  const reason = $("#cancel-reason").value.trim() || "cancelled from the operator console";
  await act(() => api(`/applications/${state.selected}/cancel`, { method: "POST", body: { reason } }), "Cancellation requested.");
}

// ---------- refresh loop ----------

let refreshing = null;

async function refresh() {
  if (refreshing) return refreshing;
  refreshing = (async () => {
    try {
      const query = new URLSearchParams({ page: state.page, pageSize: PAGE_SIZE });
      for (const [key, value] of Object.entries(state.filters)) if (value) query.set(key, value);
      const [agencies, stuck, failed, page, detail] = await Promise.all([
        api("/agencies"), api("/applications/stuck"), api("/applications?status=failed&pageSize=50"), api(`/applications?${query}`),
        state.selected ? api(`/applications/${state.selected}`) : Promise.resolve(null),
      ]);
      renderAgencies(agencies);
      renderAttention(stuck, failed.items);
      renderApplications(page);
      if (detail) renderDetail(detail);
      $("#refreshed").textContent = `Updated ${new Date().toLocaleTimeString()}`;
    } catch (error) {
      if (error.message !== "signed out") $("#refreshed").textContent = `Refresh failed: ${error.message}`;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

function show() {
  const current = session();
  $("#signin-panel").hidden = !!current;
  $("#workspace").hidden = !current;
  $("#session").hidden = !current;
  if (!current) {
    $("#detail").hidden = true;
    return;
  }
  $("#who").textContent = `Signed in as ${current.clientId}`;
  refresh();
  if (!state.timer) state.timer = setInterval(refresh, REFRESH_MS);
}

document.addEventListener("DOMContentLoaded", () => {
  renderLegend();
  $("#signin").addEventListener("submit", async (event) => {
    event.preventDefault();
    $("#signin-error").textContent = "";
    try {
      await signIn($("#client-id").value.trim(), $("#client-secret").value);
      $("#client-secret").value = "";
      show();
    } catch (error) {
      $("#signin-error").textContent = error.message;
    }
  });
  $("#sign-out").addEventListener("click", () => signOut());
  $("#refresh").addEventListener("click", () => refresh());
  $("#filters").addEventListener("submit", (event) => {
    event.preventDefault();
    state.filters = { status: $("#filter-status").value, serviceCode: $("#filter-service").value.trim(), clientId: $("#filter-client").value.trim() };
    state.page = 1;
    refresh();
  });
  $("#prev").addEventListener("click", () => { state.page = Math.max(1, state.page - 1); refresh(); });
  $("#next").addEventListener("click", () => { state.page += 1; refresh(); });
  $("#retry").addEventListener("click", retry);
  $("#cancel").addEventListener("click", cancel);
  show();
});
