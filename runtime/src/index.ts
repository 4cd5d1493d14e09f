// Public entry of @stagecraft/runtime: configuration, the server and the record services.
export {};
