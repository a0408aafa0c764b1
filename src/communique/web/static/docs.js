// Starts swagger-ui on the app's own OpenAPI document (a file, not an inline script: the CSP forbids those).
// The bundled swagger-ui (4.x) reads OpenAPI 3.0 only; FastAPI writes 3.1, whose differences (e.g. null in
// anyOf) it still displays, so the copy it is given is labelled 3.0.3. /openapi.json itself is unchanged.
window.addEventListener("DOMContentLoaded", function () {
  fetch("/openapi.json", { headers: { Accept: "application/json" } })
    .then(function (r) { return r.json(); })
    .then(function (spec) {
      spec.openapi = "3.0.3";
      window.ui = SwaggerUIBundle({
        spec: spec,
        dom_id: "#swagger-ui",
        deepLinking: true,
        presets: [SwaggerUIBundle.presets.apis],
        layout: "BaseLayout",
        validatorUrl: null,
      });
    })
    .catch(function (err) {
      document.getElementById("swagger-ui").textContent = "Could not load /openapi.json: " + err.message;
    });
});
