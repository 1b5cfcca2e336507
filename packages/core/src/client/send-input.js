export {};
//# sourceMappingURL=send-input.js.map