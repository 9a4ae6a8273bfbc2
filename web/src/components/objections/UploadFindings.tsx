/** The handler's findings as files (PDF or JPEG, up to 5 at a time, 10 MB each). */
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { addObjectionFiles, type ObjectionDetail } from '#web/api/objections.ts';
import { useShowError } from '#web/lib/useShowError.ts';

export function UploadFindings({ id, onDone }: { id: string; onDone: (next: ObjectionDetail) => void }) {
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const showError = useShowError();
  return (
    <Upload
      accept=".pdf,.jpg,.jpeg,application/pdf,image/jpeg"
      multiple
      showUploadList={false}
      beforeUpload={async (file, list) => {
        // antd calls this once per file; send the whole choice once, with its last file.
        if (file !== list[list.length - 1]) return Upload.LIST_IGNORE;
        setBusy(true);
        try {
          onDone(await addObjectionFiles(id, list as File[]));
          message.success('已上传调查核实材料');
        } catch (err) {
          showError(err);
        } finally {
          setBusy(false);
        }
        return Upload.LIST_IGNORE;
      }}
    >
      <Button loading={busy}>上传调查核实材料（PDF 或 JPG）</Button>
    </Upload>
  );
}
