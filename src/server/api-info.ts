/**
 * The description's front page. Resumable uploads (tus) are served outside Fastify's routes, so they are
 * described here in words; `docs/materials-and-packages.md` has the same for developers.
 */
import { UPLOADS_PATH } from './modules/materials/tus-uploads.ts';

const DESCRIPTION = `百姓学习之星与终身学习品牌项目推介平台的接口。

## 登录与安全令牌

登录（\`POST /api/auth/login\`）后，平台以 Cookie \`tuijie_session\` 保存会话，并在应答中给出安全令牌 \`csrfToken\`。
除标明“无需登录”的接口外，每个请求都须带上会话 Cookie；新增、修改、删除类请求（POST、PUT、PATCH、DELETE）
还须在请求头 \`x-csrf-token\` 中带上安全令牌。

## 错误应答

所有错误的应答内容都是同一格式：\`{ "code": "错误码", "message": "中文说明", "details": 补充信息（可无） }\`。
错误码稳定，同一错误码在所有接口上对应同一 HTTP 状态；每个接口列出它可能返回的错误码。

## 材料上传（断点续传，tus 1.0）

推介材料通过 tus 协议（https://tus.io/protocols/resumable-upload）上传到 \`${UPLOADS_PATH}\`，可在中断处继续：

- \`POST ${UPLOADS_PATH}\`：开始上传。请求头 \`Tus-Resumable: 1.0.0\`、\`Upload-Length\`（文件字节数）、
  \`Upload-Metadata\`（\`nominationId\`、\`setKey\`、\`slotId\`、\`filename\`，按协议以 Base64 编码）。
  应答 201，\`Location\` 为该次上传的地址 \`${UPLOADS_PATH}/{上传编号}\`。不属于本单位的推介、推介不可修改、
  材料项已满或文件超过该项的大小上限时，在发送文件内容之前即拒绝。
- \`HEAD ${UPLOADS_PATH}/{上传编号}\`：查询已保存的字节数（应答头 \`Upload-Offset\`），用于续传。
- \`PATCH ${UPLOADS_PATH}/{上传编号}\`：从 \`Upload-Offset\` 处继续发送，\`Content-Type: application/offset+octet-stream\`。
  最后一段的应答带 \`Material-Id\`，即新材料的编号。
- \`DELETE ${UPLOADS_PATH}/{上传编号}\`：放弃未完成的上传；已完成的上传是材料，通过 \`DELETE /api/materials/{id}\` 删除。
- \`OPTIONS ${UPLOADS_PATH}\`：协议版本与扩展，无需登录。

上传须带会话 Cookie，POST、PATCH、DELETE 还须带 \`x-csrf-token\`；错误应答同样是上述 JSON 格式。`;

export const API_INFO = {
  title: '推介平台 API',
  description: DESCRIPTION,
  version: '0.1.0',
  // package.json: "UNLICENSED", a private project; the name says so in the officials' language.
  license: { name: '非公开软件，未经许可不得使用（UNLICENSED）' },
};
