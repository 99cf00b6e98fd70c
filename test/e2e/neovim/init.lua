-- Headless Neovim (0.7+) as a second LSP client of gongwen. Driven by test/e2e/neovim.test.mjs:
--   GONGWEN_SERVER=dist/server.js GONGWEN_FILE=report.txt GONGWEN_RESULT=out.json nvim --headless -u init.lua
-- Starts the server with vim.lsp.start_client (0.7 has no vim.lsp.start), opens the report, waits for
-- diagnostics, asks for document symbols, writes everything to GONGWEN_RESULT as JSON and quits.
local result = { diagnostics = {}, symbols = vim.NIL, messages = {}, errors = {}, nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) }

local function finish()
  local f = assert(io.open(os.getenv('GONGWEN_RESULT'), 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

-- The init file runs before Neovim turns filetype detection on; the report must get its filetype (`text`).
vim.cmd('filetype on')

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'gongwen',
    cmd = { os.getenv('GONGWEN_NODE') or 'node', os.getenv('GONGWEN_SERVER'), '--stdio' },
    root_dir = vim.fn.fnamemodify(os.getenv('GONGWEN_FILE'), ':p:h'),
    -- Neovim calls plain text `text`; tell gongwen to check it. Neovim 0.7 does not announce
    -- workspace/configuration, so the settings go in initializationOptions.
    init_options = { settings = { languages = { 'gongwen', 'text', 'markdown' } } },
    handlers = {
      ['window/showMessage'] = function(_, params)
        table.insert(result.messages, params)
      end,
    },
  })
  if not client_id then
    error('vim.lsp.start_client returned nil')
  end

  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('GONGWEN_FILE')))
  vim.lsp.buf_attach_client(0, client_id)
  result.filetype = vim.bo.filetype

  local timeout = tonumber(os.getenv('GONGWEN_TIMEOUT_MS') or '20000')
  local got = vim.wait(timeout, function()
    return #vim.diagnostic.get(0) > 0
  end, 50)
  if not got then
    table.insert(result.errors, 'no diagnostics within ' .. timeout .. ' ms')
  end
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, message = d.message, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) })
  end

  local responses = vim.lsp.buf_request_sync(0, 'textDocument/documentSymbol', { textDocument = vim.lsp.util.make_text_document_params() }, timeout)
  for _, response in pairs(responses or {}) do
    if response.err then
      table.insert(result.errors, 'documentSymbol: ' .. vim.inspect(response.err))
    else
      result.symbols = response.result
    end
  end

  -- The renumber command: the server answers with workspace/applyEdit, which Neovim applies to the buffer.
  local executed = vim.lsp.buf_request_sync(0, 'workspace/executeCommand', { command = 'gongwen.server.renumber', arguments = { vim.uri_from_bufnr(0) } }, timeout)
  for _, response in pairs(executed or {}) do
    if response.err then
      table.insert(result.errors, 'executeCommand: ' .. vim.inspect(response.err))
    end
  end
  result.renumbered = vim.api.nvim_buf_get_lines(0, 0, -1, false)

  vim.lsp.stop_client(client_id)
  vim.wait(3000, function()
    return vim.lsp.get_client_by_id(client_id) == nil
  end, 50)
end)
if not ok then
  table.insert(result.errors, tostring(err))
end
finish()
