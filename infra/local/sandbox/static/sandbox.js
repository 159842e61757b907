// The sandbox page: pick a Telegram user, write to the bot, see its answers; add the bot to
// the sandbox's team group and write there as that user (`/bind CODE`); press the inline
// buttons under the bot's messages in a private chat (a callback query the bot answers).
// All text is rendered with textContent: what users and agents write is never HTML.
"use strict";

const GROUP = { id: -1001000000001, title: "Sandbox team" };
const state = { users: [], current: null, botId: null, timer: null, botInGroup: false, inGroup: false, shown: "" };
const $ = (id) => document.getElementById(id);

function el(tag, props, children) {
  const node = document.createElement(tag);
  Object.assign(node, props || {});
  for (const child of children || []) node.appendChild(child);
  return node;
}

function text(tag, value, className) {
  return el(tag, { textContent: value, className: className || "" });
}

function displayName(user) {
  return [user.first_name, user.last_name].filter(Boolean).join(" ");
}

function showStatus(message) {
  $("status").textContent = message || "";
}

async function api(path, options) {
  const resp = await fetch(path, options);
  const body = resp.status === 204 ? null : await resp.json();
  if (!resp.ok) throw new Error((body && body.error) || resp.statusText);
  return body;
}

async function loadUsers() {
  const body = await api("/sandbox/users");
  state.users = body.items;
  renderUsers();
}

function renderUsers() {
  const list = $("users");
  list.replaceChildren();
  for (const user of state.users) {
    const label = displayName(user) + (user.language_code ? " (" + user.language_code + ")" : "");
    const button = text("button", label);
    button.type = "button";
    button.setAttribute("aria-pressed", String(state.current && state.current.id === user.id));
    button.addEventListener("click", () => selectUser(user));
    list.appendChild(el("li", {}, [button]));
  }
}

function selectUser(user) {
  state.current = user;
  state.inGroup = false;
  $("chat-title").textContent = displayName(user);
  renderUsers();
  renderGroups();
  refresh();
}

async function loadGroups() {
  const body = await api("/sandbox/groups");
  state.botInGroup = body.items.some((group) => group.id === GROUP.id);
  if (!state.botInGroup) state.inGroup = false;
  renderGroups();
}

function renderGroups() {
  const list = $("groups");
  list.replaceChildren();
  if (state.botInGroup) {
    const button = text("button", GROUP.title);
    button.type = "button";
    button.setAttribute("aria-pressed", String(state.inGroup));
    button.addEventListener("click", selectGroup);
    list.appendChild(el("li", {}, [button]));
  }
  $("group-bot").textContent = state.botInGroup ? "Remove the bot from the group" : "Add the bot to the group";
}

function selectGroup() {
  if (!state.current) return showStatus("Pick a user first: they write in the group.");
  state.inGroup = true;
  $("chat-title").textContent = GROUP.title + " (writing as " + displayName(state.current) + ")";
  renderGroups();
  refresh();
}

async function toggleBot() {
  if (!state.current) return showStatus("Pick a user first: they add or remove the bot.");
  try {
    const result = await api("/sandbox/groups/" + GROUP.id + "/bot", {
      method: state.botInGroup ? "DELETE" : "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ user_id: state.current.id, title: GROUP.title }),
    });
    reportDelivery(result);
    await loadGroups();
    if (state.botInGroup) selectGroup();
    else selectUser(state.current);
  } catch (err) {
    showStatus("Not done: " + err.message);
  }
}

function describe(message) {
  if (message.text) return message.text;
  const parts = [];
  if (message.photo) parts.push("[photo]");
  else if (message.document) parts.push("[document " + (message.document.file_name || "") + "]");
  else if (message.location) parts.push("[location]");
  else {
    const kind = ["voice", "audio", "video", "sticker", "animation"].find((k) => message[k]);
    parts.push("[" + (kind || "message") + "]");
  }
  if (message.caption) parts.push(message.caption);
  return parts.join(" ");
}

// A message's file as the user sees it: a photo in place, any other file as a link to it.
function fileOf(message) {
  const href = (file) => "/sandbox/media/" + encodeURIComponent(file.file_id);
  if (message.photo && message.photo.length) {
    const largest = message.photo[message.photo.length - 1];
    return [el("img", { className: "photo", src: href(largest), alt: message.caption || "photo" })];
  }
  const kind = ["document", "audio", "voice", "video", "animation"].find((k) => message[k]);
  if (!kind || !message[kind].file_id) return [];
  return [el("a", { className: "file", href: href(message[kind]), download: "", textContent: message[kind].file_name || kind })];
}

// The inline keyboard under a bot's message: buttons with callback data are pressed here,
// URL buttons are links.
function keyboard(message) {
  const rows = (message.reply_markup && message.reply_markup.inline_keyboard) || [];
  if (state.inGroup || !rows.length) return [];
  return [
    el(
      "div",
      { className: "keyboard" },
      rows.map((row) =>
        el(
          "div",
          { className: "keyboard-row" },
          row.map((button) => {
            if (button.url) return el("a", { href: button.url, target: "_blank", rel: "noopener noreferrer", textContent: button.text });
            const node = text("button", button.text);
            node.type = "button";
            node.addEventListener("click", () => press(message, button.callback_data));
            return node;
          }),
        ),
      ),
    ),
  ];
}

async function press(message, data) {
  try {
    const result = await api("/sandbox/users/" + state.current.id + "/presses", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ message_id: message.message_id, data: data }),
    });
    reportDelivery(result);
    if (result.answer && result.answer.text) showStatus("The bot answered: " + result.answer.text);
    refresh();
  } catch (err) {
    showStatus("Not pressed: " + err.message);
  }
}

function renderMessages(items) {
  const list = $("messages");
  const shown = JSON.stringify(items);
  if (shown === state.shown) return; // unchanged: keep the nodes (and a button's focus)
  state.shown = shown;
  const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 4;
  list.replaceChildren();
  for (const message of items) {
    const fromUser = message.from && !message.from.is_bot;
    const when = new Date(message.date * 1000).toLocaleTimeString();
    const who = fromUser ? (state.inGroup ? displayName(message.from) : "you") : "bot";
    const meta = who + " · " + when + (message.edit_date ? " · edited" : "");
    list.appendChild(
      el("li", { className: fromUser ? "out" : "in" }, [
        text("span", meta, "meta"),
        ...fileOf(message),
        text("span", describe(message)),
        ...keyboard(message),
      ]),
    );
  }
  if (atBottom) list.scrollTop = list.scrollHeight;
}

async function refresh() {
  if (!state.current) return;
  try {
    const where = state.inGroup ? "/sandbox/groups/" + GROUP.id : "/sandbox/users/" + state.current.id;
    const body = await api(where + "/messages");
    renderMessages(body.items);
  } catch (err) {
    showStatus("Could not load messages: " + err.message);
  }
}

function reportDelivery(result) {
  const hook = result.webhook;
  if (hook === null) showStatus("Queued: the bot reads updates with getUpdates.");
  else if (hook.status >= 200 && hook.status < 300) showStatus("");
  else showStatus("The webhook answered " + hook.status + "; Telegram-style retries continue.");
}

async function send(event, profile) {
  event.preventDefault();
  if (!state.current) return showStatus("Pick a user first.");
  const form = event.target;
  const file = form.photo.files[0];
  const message = form.text.value;
  try {
    let result;
    if (state.inGroup) {
      if (!message.trim()) return;
      result = await api("/sandbox/groups/" + GROUP.id + "/messages", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ user_id: state.current.id, text: message }),
      });
    } else if (file) {
      const data = new FormData();
      data.append("photo", file);
      if (message.trim()) data.append("caption", message);
      if (profile) data.append("user", JSON.stringify(profile));
      result = await api("/sandbox/users/" + state.current.id + "/photos", { method: "POST", body: data });
    } else {
      if (!message.trim()) return;
      result = await api("/sandbox/users/" + state.current.id + "/messages", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: message }),
      });
    }
    form.reset();
    reportDelivery(result);
    if (profile) {
      state.pendingProfile = null;
      await loadUsers();
    }
    refresh();
  } catch (err) {
    showStatus("Not sent: " + err.message);
  }
}

async function addUser(event) {
  event.preventDefault();
  const form = event.target;
  const profile = {};
  for (const field of ["first_name", "last_name", "username", "language_code"]) {
    if (form[field].value.trim()) profile[field] = form[field].value.trim();
  }
  const user = { id: 6000000000 + Math.floor(Math.random() * 999999999), is_bot: false, ...profile };
  state.users.push(user);
  form.reset();
  selectUser(user);
  state.pendingProfile = { id: user.id, profile };
}

// A new user is created with their first message, which carries their profile.
async function sendWithProfile(event) {
  if (state.pendingProfile && !state.inGroup && state.current && state.pendingProfile.id === state.current.id) {
    const form = event.target;
    if (!form.photo.files[0] && form.text.value.trim()) {
      event.preventDefault();
      try {
        const result = await api("/sandbox/users/" + state.current.id + "/messages", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ text: form.text.value, user: state.pendingProfile.profile }),
        });
        state.pendingProfile = null;
        form.reset();
        reportDelivery(result);
        await loadUsers();
        refresh();
      } catch (err) {
        showStatus("Not sent: " + err.message);
      }
      return;
    }
    if (form.photo.files[0]) return send(event, state.pendingProfile.profile);
  }
  return send(event);
}

$("composer").addEventListener("submit", sendWithProfile);
$("new-user").addEventListener("submit", addUser);
$("group-bot").addEventListener("click", toggleBot);
$("composer").text.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    $("composer").requestSubmit();
  }
});
loadUsers()
  .then(() => state.users.length && selectUser(state.users[0]))
  .then(loadGroups);
state.timer = setInterval(refresh, 1500);
