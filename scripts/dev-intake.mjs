// `make serve`'s pages send to the development intake (scripts/intake.mjs): DEV_INTAKE, its origin
// (http://127.0.0.1:8081), puts data-submit-url and data-feedback-url on the mount element of a
// page that has neither. Without DEV_INTAKE (make dist, make site: what the CDN gets) the page is
// left as it is; the city sets its own endpoints (README, "Configuration").
export function withDevIntake(html, origin = process.env.DEV_INTAKE, profile = process.env.TRUNK_PROFILE) {
  if (!origin) return html;
  if (profile === "release") throw new Error("DEV_INTAKE is set for a release build: the CDN's pages must never send to a development intake (unset it)");
  if (!/^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(origin)) throw new Error(`DEV_INTAKE ${origin} is not a local origin such as http://127.0.0.1:8081`);
  const mount = /<div id="?poradnik-mieszkanca"?/;
  if (!mount.test(html)) throw new Error("no mount element to configure for the development intake");
  if (/data-(submit|feedback)-url=/.test(html)) return html;
  return html.replace(mount, (tag) => `${tag} data-submit-url="${origin}/pytania" data-feedback-url="${origin}/opinie"`);
}
