// What a station's duty contact receives about a request (ADR 0602): the tip ref, the priority, the
// station and the link to the request's page — never the informant's alias or words, never the
// brief itself (the officer reads it after signing in). Pure: the tests compare these exactly.

export type StationNotice = { ref: string; priority: string; station: string; link: string };

/** WhatsApp Cloud API body: the approved template with its four text parameters. */
export function whatsappNotice(to: string, n: StationNotice, template: { name: string; lang: string }) {
  return {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to,
    type: "template",
    template: {
      name: template.name,
      language: { code: template.lang },
      components: [
        { type: "body", parameters: [n.ref, n.priority, n.station, n.link].map((text) => ({ type: "text", text })) },
      ],
    },
  };
}

/** SMS text (Twilio): the same four facts. */
export function smsNotice(n: StationNotice, overdue = false) {
  return `Mukhbir: ${overdue ? "OVERDUE" : "new"} action request ${n.ref} (${n.priority}) for ${n.station}. Open: ${n.link}`;
}
